CREATE TABLE `customer_bulk_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`action` text NOT NULL,
	`params` text NOT NULL,
	`selection` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`last_customer_id` text,
	`error` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `customer_bulk_actions_workspace_idx` ON `customer_bulk_actions` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `customer_bulk_actions_running_idx` ON `customer_bulk_actions` (`status`,`updated_at`) WHERE "customer_bulk_actions"."status" = 'running';--> statement-breakpoint
CREATE TABLE `customer_list_members` (
	`workspace_id` text NOT NULL,
	`list_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `list_id`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `customer_list_members_customer_idx` ON `customer_list_members` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_lists_workspace_name_unique` ON `customer_lists` (`workspace_id`,`name`);--> statement-breakpoint
CREATE INDEX `customer_lists_workspace_idx` ON `customer_lists` (`workspace_id`,`id`);--> statement-breakpoint
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
DROP INDEX `customers_workspace_name_idx`;--> statement-breakpoint
CREATE INDEX `customers_workspace_last_order_idx` ON `customers` (`workspace_id`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_spent_idx` ON `customers` (`workspace_id`,`total_spent`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_order_count_idx` ON `customers` (`workspace_id`,`order_count`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_name_idx` ON `customers` (`workspace_id`,`name_key`,`id`);--> statement-breakpoint
ALTER TABLE `interactions` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `duration_seconds` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `status` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `status_changed_at` integer;--> statement-breakpoint
CREATE INDEX `interactions_complaint_status_idx` ON `interactions` (`workspace_id`,`status`,`occurred_at`,`id`) WHERE "interactions"."status" is not null;--> statement-breakpoint
ALTER TABLE `automation_enrollments` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `automation_flows` ADD `next_run_at` integer;--> statement-breakpoint
ALTER TABLE `automation_flows` ADD `segment_baseline` text;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `audience` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `sent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `deferred` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `failed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `skip_reasons` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_surveys` ADD `referral_invite` text;--> statement-breakpoint
CREATE INDEX `automation_step_receipts_day_idx` ON `automation_step_receipts` (`workspace_id`,`flow_id`,`created_at`);--> statement-breakpoint
-- hand-written: complaints logged before complaints had a status are open until someone resolves them.
UPDATE `interactions` SET `status` = 'open', `status_changed_at` = `created_at` WHERE `type` = 'complaint' AND `status` IS NULL;
