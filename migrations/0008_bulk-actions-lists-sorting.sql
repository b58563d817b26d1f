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
DROP INDEX `customers_workspace_name_idx`;--> statement-breakpoint
CREATE INDEX `customers_workspace_last_order_idx` ON `customers` (`workspace_id`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_spent_idx` ON `customers` (`workspace_id`,`total_spent`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_order_count_idx` ON `customers` (`workspace_id`,`order_count`,`id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_name_idx` ON `customers` (`workspace_id`,`name_key`,`id`);