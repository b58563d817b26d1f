CREATE TABLE `message_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`text_fa` text NOT NULL,
	`text_en` text NOT NULL,
	`subject_fa` text,
	`subject_en` text,
	`provider_template` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_templates_name_unique` ON `message_templates` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `short_links` (
	`code` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`message_id` text,
	`customer_id` text,
	`expires_at` integer,
	`clicks` integer DEFAULT 0 NOT NULL,
	`first_clicked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `short_links_message_idx` ON `short_links` (`workspace_id`,`message_id`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `messaging_policy` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `purpose` text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `provider_template` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `template_values` text;--> statement-breakpoint
CREATE INDEX `messages_deferred_due_idx` ON `messages` (`due_at`) WHERE status = 'deferred';--> statement-breakpoint
CREATE INDEX `messages_marketing_customer_idx` ON `messages` (`workspace_id`,`customer_id`,`channel`,`created_at`) WHERE purpose = 'marketing';--> statement-breakpoint
CREATE INDEX `messages_marketing_time_idx` ON `messages` (`workspace_id`,`created_at`) WHERE purpose = 'marketing';