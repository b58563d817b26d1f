CREATE TABLE `automation_campaign_recipients` (
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`message_id` text,
	`status` text NOT NULL,
	`reason` text,
	`clicked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_recipients_unique` ON `automation_campaign_recipients` (`workspace_id`,`campaign_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `automation_recipients_message_idx` ON `automation_campaign_recipients` (`workspace_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `automation_recipients_customer_idx` ON `automation_campaign_recipients` (`workspace_id`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `automation_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`segment_id` text,
	`filter` text,
	`channel` text NOT NULL,
	`template` text,
	`body` text,
	`subject` text,
	`link` text,
	`status` text NOT NULL,
	`send_at` integer,
	`cursor` text,
	`chunks` integer DEFAULT 0 NOT NULL,
	`targeted` integer,
	`progress_at` integer,
	`created_by_user_id` text,
	`started_at` integer,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `automation_campaigns_workspace_idx` ON `automation_campaigns` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `automation_campaigns_status_idx` ON `automation_campaigns` (`workspace_id`,`status`,`send_at`);--> statement-breakpoint
CREATE TABLE `automation_conversions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`order_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`campaign_id` text,
	`flow_id` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_conversions_order_unique` ON `automation_conversions` (`workspace_id`,`order_id`);--> statement-breakpoint
CREATE INDEX `automation_conversions_campaign_idx` ON `automation_conversions` (`workspace_id`,`campaign_id`);--> statement-breakpoint
CREATE INDEX `automation_conversions_flow_idx` ON `automation_conversions` (`workspace_id`,`flow_id`);--> statement-breakpoint
CREATE TABLE `automation_enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`customer_id` text NOT NULL,
	`status` text NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`wake_at` integer,
	`arm` text,
	`exit_reason` text,
	`entered_at` integer NOT NULL,
	`converted_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_enrollments_unique` ON `automation_enrollments` (`workspace_id`,`flow_id`,`version`,`customer_id`);--> statement-breakpoint
CREATE INDEX `automation_enrollments_customer_idx` ON `automation_enrollments` (`workspace_id`,`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `automation_enrollments_wake_idx` ON `automation_enrollments` (`workspace_id`,`wake_at`) WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX `automation_enrollments_flow_idx` ON `automation_enrollments` (`workspace_id`,`flow_id`,`status`);--> statement-breakpoint
CREATE TABLE `automation_flow_versions` (
	`workspace_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_flow_versions_unique` ON `automation_flow_versions` (`workspace_id`,`flow_id`,`version`);--> statement-breakpoint
CREATE TABLE `automation_flows` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`draft` text NOT NULL,
	`version` integer,
	`trigger_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `automation_flows_workspace_idx` ON `automation_flows` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `automation_flows_trigger_idx` ON `automation_flows` (`workspace_id`,`trigger_key`,`status`);--> statement-breakpoint
CREATE TABLE `automation_step_receipts` (
	`workspace_id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`round` integer NOT NULL,
	`step` integer NOT NULL,
	`flow_id` text NOT NULL,
	`outcome` text NOT NULL,
	`message_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_step_receipts_unique` ON `automation_step_receipts` (`workspace_id`,`enrollment_id`,`round`,`step`);--> statement-breakpoint
CREATE INDEX `automation_step_receipts_flow_idx` ON `automation_step_receipts` (`workspace_id`,`flow_id`,`step`);--> statement-breakpoint
CREATE INDEX `automation_step_receipts_message_idx` ON `automation_step_receipts` (`workspace_id`,`message_id`);