CREATE TABLE `automation_segment_members` (
	`workspace_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`entered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_segment_members_unique` ON `automation_segment_members` (`workspace_id`,`flow_id`,`segment_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `automation_signing_keys` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `automation_enrollments` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `automation_flows` ADD `next_run_at` integer;--> statement-breakpoint
ALTER TABLE `automation_flows` ADD `segment_baseline` text;--> statement-breakpoint
CREATE INDEX `automation_step_receipts_day_idx` ON `automation_step_receipts` (`workspace_id`,`flow_id`,`created_at`);