CREATE TABLE `shop_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`status` text NOT NULL,
	`phase` text NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`pages_done` integer DEFAULT 0 NOT NULL,
	`total_pages` integer,
	`total_records` integer,
	`customers_seen` integer DEFAULT 0 NOT NULL,
	`orders_seen` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`last_rejection` text,
	`error` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `shop_imports_connection_idx` ON `shop_imports` (`workspace_id`,`connection_id`,`id`);--> statement-breakpoint
CREATE INDEX `shop_imports_status_idx` ON `shop_imports` (`status`,`updated_at`);--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `shop_url` text;--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `api_credentials` text;--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `created_webhooks` text;