CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`cid_kind` text DEFAULT 'mobile' NOT NULL,
	`lapsed_days` integer DEFAULT 180 NOT NULL,
	`locale` text DEFAULT 'fa' NOT NULL,
	`time_zone` text DEFAULT 'Asia/Tehran' NOT NULL,
	`currency` text DEFAULT 'IRT' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role_id` text,
	`user_id` text,
	`token_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_workspace_idx` ON `invitations` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`role_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`locale` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_workspace_idx` ON `users` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_workspace_idx` ON `api_keys` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`ip` text,
	`user_agent` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `roles` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`permissions` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_workspace_key_unique` ON `roles` (`workspace_id`,`key`);--> statement-breakpoint
CREATE TABLE `customer_identifiers` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_identifiers_value_unique` ON `customer_identifiers` (`workspace_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `customer_identifiers_customer_idx` ON `customer_identifiers` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_identifiers_value_idx` ON `customer_identifiers` (`workspace_id`,`value`);--> statement-breakpoint
CREATE TABLE `customer_name_words` (
	`workspace_id` text NOT NULL,
	`word` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `word`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `customer_name_words_customer_idx` ON `customer_name_words` (`workspace_id`,`customer_id`,`word`);--> statement-breakpoint
CREATE TABLE `customer_tags` (
	`workspace_id` text NOT NULL,
	`tag` text NOT NULL,
	`customer_id` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `tag`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `customer_tags_customer_idx` ON `customer_tags` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`cid` text,
	`code` text NOT NULL,
	`kind` text DEFAULT 'person' NOT NULL,
	`first_name` text,
	`last_name` text,
	`organization_name` text,
	`display_name` text NOT NULL,
	`name_key` text NOT NULL,
	`gender` text,
	`birthday` text,
	`province` text,
	`city` text,
	`address` text,
	`tags` text NOT NULL,
	`consent_sms` text DEFAULT 'unknown' NOT NULL,
	`consent_sms_at` integer,
	`consent_email` text DEFAULT 'unknown' NOT NULL,
	`consent_email_at` integer,
	`attributes` text NOT NULL,
	`owner_user_id` text,
	`first_order_at` integer,
	`last_order_at` integer,
	`order_count` integer DEFAULT 0 NOT NULL,
	`total_spent` integer DEFAULT 0 NOT NULL,
	`lifecycle_stage` text DEFAULT 'prospect' NOT NULL,
	`rfm_segment` text,
	`rfm_r` integer,
	`rfm_f` integer,
	`rfm_m` integer,
	`value_tier` text,
	`merged_into` text,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_workspace_cid_unique` ON `customers` (`workspace_id`,`cid`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_workspace_code_unique` ON `customers` (`workspace_id`,`code`);--> statement-breakpoint
CREATE INDEX `customers_workspace_id_idx` ON `customers` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_name_idx` ON `customers` (`workspace_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `customers_workspace_city_idx` ON `customers` (`workspace_id`,`city`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_province_idx` ON `customers` (`workspace_id`,`province`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_owner_idx` ON `customers` (`workspace_id`,`owner_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_stage_idx` ON `customers` (`workspace_id`,`lifecycle_stage`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_stage_last_order_idx` ON `customers` (`workspace_id`,`lifecycle_stage`,`last_order_at`);--> statement-breakpoint
CREATE TABLE `workspace_counters` (
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `name`)
);
--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`channel` text,
	`direction` text DEFAULT 'internal' NOT NULL,
	`summary` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`staff_user_id` text,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interactions_customer_time_idx` ON `interactions` (`workspace_id`,`customer_id`,`occurred_at`,`id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text,
	`title` text NOT NULL,
	`notes` text,
	`assignee_user_id` text,
	`due_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`completed_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`due_key` integer GENERATED ALWAYS AS (coalesce(due_at, 8640000000000000)) VIRTUAL,
	`timeline_at` integer GENERATED ALWAYS AS (coalesce(due_at, created_at)) VIRTUAL
);
--> statement-breakpoint
CREATE INDEX `tasks_workspace_id_idx` ON `tasks` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_workspace_due_idx` ON `tasks` (`workspace_id`,`due_key`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_status_due_idx` ON `tasks` (`workspace_id`,`status`,`due_key`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`workspace_id`,`assignee_user_id`,`status`,`due_key`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_customer_idx` ON `tasks` (`workspace_id`,`customer_id`,`timeline_at`,`id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`actor_user_id` text,
	`actor_api_key_id` text,
	`action` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`customer_id` text,
	`details` text,
	`ip` text,
	`user_agent` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_workspace_idx` ON `audit_log` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`workspace_id`,`actor_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`workspace_id`,`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_customer_idx` ON `audit_log` (`workspace_id`,`customer_id`,`id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`payload` text NOT NULL,
	`actor_user_id` text,
	`created_at` integer NOT NULL,
	`dispatched_at` integer
);
--> statement-breakpoint
CREATE INDEX `events_workspace_idx` ON `events` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_undispatched_idx` ON `events` (`dispatched_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`channel` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`recipient` text,
	`subject` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`skip_reason` text,
	`provider_kind` text,
	`provider_message_id` text,
	`error` text,
	`sent_by_user_id` text,
	`sent_by_plugin` text,
	`created_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_unique` ON `messages` (`workspace_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_customer_time_idx` ON `messages` (`workspace_id`,`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `messaging_providers` (
	`workspace_id` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`config` text NOT NULL,
	`secrets` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`event_id` text NOT NULL,
	`event_name` text NOT NULL,
	`attempt` integer NOT NULL,
	`status_code` integer,
	`duration_ms` integer NOT NULL,
	`error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_subscription_idx` ON `webhook_attempts` (`workspace_id`,`subscription_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_attempts_event_idx` ON `webhook_attempts` (`workspace_id`,`subscription_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`description` text,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`last_status` integer,
	`last_error` text,
	`last_attempt_at` integer,
	`failure_count` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_workspace_idx` ON `webhook_subscriptions` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `schedule_runs` (
	`workspace_id` text NOT NULL,
	`plugin_id` text NOT NULL,
	`job_id` text NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_status` text NOT NULL,
	`last_error` text,
	`last_duration_ms` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `plugin_id`, `job_id`)
);
--> statement-breakpoint
CREATE TABLE `workspace_plugins` (
	`workspace_id` text NOT NULL,
	`plugin_id` text NOT NULL,
	`enabled` integer NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `plugin_id`)
);
--> statement-breakpoint
CREATE TABLE `delivery_receipts` (
	`event_id` text NOT NULL,
	`target` text NOT NULL,
	`workspace_id` text NOT NULL,
	`delivered_at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `target`)
);
--> statement-breakpoint
CREATE TABLE `event_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`event_id` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_deliveries_event_target_unique` ON `event_deliveries` (`event_id`,`target`);--> statement-breakpoint
CREATE INDEX `event_deliveries_status_idx` ON `event_deliveries` (`workspace_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `event_deliveries_due_idx` ON `event_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `customer_stage_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`from_stage` text NOT NULL,
	`to_stage` text NOT NULL,
	`cause` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_stage_changes_customer_idx` ON `customer_stage_changes` (`workspace_id`,`customer_id`,`at`,`id`);--> statement-breakpoint
CREATE INDEX `customer_stage_changes_time_idx` ON `customer_stage_changes` (`workspace_id`,`at`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`order_id` text NOT NULL,
	`sku` text,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`total` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`workspace_id`,`order_id`);--> statement-breakpoint
CREATE TABLE `order_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`order_id` text NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL,
	`by` text
);
--> statement-breakpoint
CREATE INDEX `order_status_history_order_idx` ON `order_status_history` (`workspace_id`,`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`source` text NOT NULL,
	`connection_id` text,
	`external_id` text,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal` integer DEFAULT 0 NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`shipping` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`refunded_total` integer DEFAULT 0 NOT NULL,
	`channel` text,
	`note` text,
	`placed_at` integer NOT NULL,
	`paid_at` integer,
	`refunded_at` integer,
	`cancelled_at` integer,
	`external_updated_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_external_unique` ON `orders` (`workspace_id`,`connection_id`,`external_id`) WHERE "orders"."external_id" is not null;--> statement-breakpoint
CREATE INDEX `orders_workspace_id_idx` ON `orders` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_customer_time_idx` ON `orders` (`workspace_id`,`customer_id`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_workspace_time_idx` ON `orders` (`workspace_id`,`placed_at`,`id`);--> statement-breakpoint
CREATE TABLE `buyer_totals` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`buyers` integer DEFAULT 0 NOT NULL,
	`repeat_buyers` integer DEFAULT 0 NOT NULL,
	`first_order_day_sum` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_rollups` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`new_customers` integer DEFAULT 0 NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`became_lapsed` integer DEFAULT 0 NOT NULL,
	`won_back` integer DEFAULT 0 NOT NULL,
	`net_prospect` integer DEFAULT 0 NOT NULL,
	`net_new` integer DEFAULT 0 NOT NULL,
	`net_active` integer DEFAULT 0 NOT NULL,
	`net_at_risk` integer DEFAULT 0 NOT NULL,
	`net_lapsed` integer DEFAULT 0 NOT NULL,
	`net_won_back` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `stage_counts` (
	`workspace_id` text NOT NULL,
	`stage` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `core_job_runs` (
	`workspace_id` text NOT NULL,
	`job_id` text NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_status` text NOT NULL,
	`last_error` text,
	`last_duration_ms` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `job_id`)
);
--> statement-breakpoint
CREATE TABLE `segments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`filter` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `segments_workspace_id_idx` ON `segments` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `shop_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`platform` text NOT NULL,
	`name` text NOT NULL,
	`secret` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_delivery_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shop_connections_workspace_idx` ON `shop_connections` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `shop_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`order_external_id` text NOT NULL,
	`refund_id` text NOT NULL,
	`amount` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shop_refunds_unique` ON `shop_refunds` (`workspace_id`,`connection_id`,`refund_id`);--> statement-breakpoint
CREATE INDEX `shop_refunds_order_idx` ON `shop_refunds` (`workspace_id`,`connection_id`,`order_external_id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`platform` text NOT NULL,
	`topic` text,
	`delivery_id` text NOT NULL,
	`headers` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`redeliveries` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_delivery_unique` ON `webhook_deliveries` (`workspace_id`,`connection_id`,`delivery_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_connection_idx` ON `webhook_deliveries` (`workspace_id`,`connection_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_status_idx` ON `webhook_deliveries` (`workspace_id`,`connection_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_stuck_idx` ON `webhook_deliveries` (`status`,`received_at`) WHERE "webhook_deliveries"."status" = 'received';--> statement-breakpoint
CREATE INDEX `webhook_deliveries_received_idx` ON `webhook_deliveries` (`received_at`);--> statement-breakpoint
CREATE TABLE `import_chunks` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`job_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`first_row` integer NOT NULL,
	`row_count` integer NOT NULL,
	`rows` text NOT NULL,
	`report` text NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`merged` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_chunks_job_seq_unique` ON `import_chunks` (`workspace_id`,`job_id`,`seq`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`dry_run` integer NOT NULL,
	`mapping` text NOT NULL,
	`header` text NOT NULL,
	`options` text NOT NULL,
	`total_rows` integer NOT NULL,
	`chunk_count` integer NOT NULL,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`merged` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `import_jobs_workspace_idx` ON `import_jobs` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `import_keys` (
	`workspace_id` text NOT NULL,
	`job_id` text NOT NULL,
	`key` text NOT NULL,
	`row` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_keys_unique` ON `import_keys` (`workspace_id`,`job_id`,`key`);