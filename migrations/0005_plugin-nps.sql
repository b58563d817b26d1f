CREATE TABLE `nps_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`segment_id` text,
	`not_before` integer NOT NULL,
	`cursor` text,
	`status` text NOT NULL,
	`queued` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `nps_campaigns_status_idx` ON `nps_campaigns` (`workspace_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `nps_customers` (
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`last_asked_at` integer,
	`last_score` integer,
	`last_band` text,
	`last_answered_at` integer,
	PRIMARY KEY(`workspace_id`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `nps_customers_band_idx` ON `nps_customers` (`workspace_id`,`last_band`);--> statement-breakpoint
CREATE TABLE `nps_follow_ups` (
	`workspace_id` text NOT NULL,
	`response_id` text NOT NULL,
	`task_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `response_id`)
);
--> statement-breakpoint
CREATE TABLE `nps_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`send_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`score` integer NOT NULL,
	`band` text NOT NULL,
	`via` text NOT NULL,
	`comment` text,
	`testimonial_consent_at` integer,
	`day` text NOT NULL,
	`answered_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nps_responses_send_unique` ON `nps_responses` (`workspace_id`,`send_id`);--> statement-breakpoint
CREATE INDEX `nps_responses_survey_idx` ON `nps_responses` (`workspace_id`,`survey_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `nps_responses_customer_idx` ON `nps_responses` (`workspace_id`,`customer_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `nps_responses_band_idx` ON `nps_responses` (`workspace_id`,`band`,`answered_at`);--> statement-breakpoint
CREATE TABLE `nps_rollups` (
	`workspace_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`day` text NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`c0` integer DEFAULT 0 NOT NULL,
	`c1` integer DEFAULT 0 NOT NULL,
	`c2` integer DEFAULT 0 NOT NULL,
	`c3` integer DEFAULT 0 NOT NULL,
	`c4` integer DEFAULT 0 NOT NULL,
	`c5` integer DEFAULT 0 NOT NULL,
	`c6` integer DEFAULT 0 NOT NULL,
	`c7` integer DEFAULT 0 NOT NULL,
	`c8` integer DEFAULT 0 NOT NULL,
	`c9` integer DEFAULT 0 NOT NULL,
	`c10` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `survey_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `nps_sends` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`token` text NOT NULL,
	`order_id` text,
	`campaign_id` text,
	`status` text NOT NULL,
	`skip_reason` text,
	`message_id` text,
	`due_at` integer NOT NULL,
	`sent_at` integer,
	`delivered_at` integer,
	`reminded_at` integer,
	`responded_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nps_sends_token_unique` ON `nps_sends` (`workspace_id`,`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `nps_sends_order_unique` ON `nps_sends` (`workspace_id`,`survey_id`,`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `nps_sends_campaign_unique` ON `nps_sends` (`workspace_id`,`campaign_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `nps_sends_due_idx` ON `nps_sends` (`workspace_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `nps_sends_customer_idx` ON `nps_sends` (`workspace_id`,`customer_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `nps_sends_message_idx` ON `nps_sends` (`workspace_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `nps_sends_survey_idx` ON `nps_sends` (`workspace_id`,`survey_id`,`id`);--> statement-breakpoint
CREATE TABLE `nps_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`question` text NOT NULL,
	`follow_ups` text NOT NULL,
	`thank_you` text NOT NULL,
	`review_url` text,
	`trigger` text NOT NULL,
	`delay_days` integer DEFAULT 3 NOT NULL,
	`reminder_days` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `nps_surveys_workspace_idx` ON `nps_surveys` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `nps_surveys_trigger_idx` ON `nps_surveys` (`workspace_id`,`trigger`,`active`);