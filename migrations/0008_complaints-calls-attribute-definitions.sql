CREATE TABLE `attribute_definitions` (
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`label_fa` text NOT NULL,
	`label_en` text NOT NULL,
	`type` text NOT NULL,
	`choices` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `key`)
);
--> statement-breakpoint
ALTER TABLE `interactions` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `duration_seconds` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `status` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `status_changed_at` integer;--> statement-breakpoint
CREATE INDEX `interactions_complaint_status_idx` ON `interactions` (`workspace_id`,`status`,`occurred_at`,`id`) WHERE "interactions"."status" is not null;--> statement-breakpoint
-- hand-written: complaints logged before complaints had a status are open until someone resolves them.
UPDATE `interactions` SET `status` = 'open', `status_changed_at` = `created_at` WHERE `type` = 'complaint' AND `status` IS NULL;
