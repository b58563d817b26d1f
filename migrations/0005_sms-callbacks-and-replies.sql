CREATE TABLE `sms_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`sender` text NOT NULL,
	`text` text NOT NULL,
	`customer_id` text,
	`interaction_id` text,
	`in_reply_to_message_id` text,
	`provider_ref` text NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_replies_provider_ref_unique` ON `sms_replies` (`workspace_id`,`provider_ref`);--> statement-breakpoint
CREATE INDEX `sms_replies_unmatched_idx` ON `sms_replies` (`workspace_id`,`received_at`,`id`) WHERE customer_id is null;--> statement-breakpoint
ALTER TABLE `messaging_providers` ADD `connection_id` text;--> statement-breakpoint
ALTER TABLE `messaging_providers` ADD `opt_out_words` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messaging_providers_connection_unique` ON `messaging_providers` (`connection_id`);--> statement-breakpoint
CREATE INDEX `messages_workspace_time_idx` ON `messages` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_workspace_status_time_idx` ON `messages` (`workspace_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_provider_ref_idx` ON `messages` (`workspace_id`,`provider_kind`,`provider_message_id`);