CREATE TABLE `sign_in_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`mobile` text NOT NULL,
	`workspace_id` text,
	`user_id` text,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_codes_mobile_idx` ON `sign_in_codes` (`mobile`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_in_codes_expires_idx` ON `sign_in_codes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`recipient` text NOT NULL,
	`provider_kind` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`subject` text,
	`body` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_messages_workspace_time_idx` ON `staff_messages` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_messages_recipient_time_idx` ON `staff_messages` (`recipient`,`created_at`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `sms_sign_in` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `workspaces_sms_sign_in_idx` ON `workspaces` (`id`) WHERE sms_sign_in = 1;--> statement-breakpoint
ALTER TABLE `invitations` ADD `password_stamp` text;--> statement-breakpoint
ALTER TABLE `users` ADD `mobile` text;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest_day` text;--> statement-breakpoint
CREATE INDEX `users_task_digest_idx` ON `users` (`workspace_id`,`task_digest`,`task_digest_day`);--> statement-breakpoint
CREATE INDEX `users_mobile_idx` ON `users` (`mobile`);--> statement-breakpoint
ALTER TABLE `customers` ADD `postal_code` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assigned_by` text;--> statement-breakpoint
CREATE INDEX `tasks_assigned_idx` ON `tasks` (`workspace_id`,`assignee_user_id`,`assigned_at`);--> statement-breakpoint
ALTER TABLE `customer_bulk_actions` ADD `outcomes` text;