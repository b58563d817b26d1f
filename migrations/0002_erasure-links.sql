ALTER TABLE `events` ADD `customer_id` text GENERATED ALWAYS AS (json_extract(payload, '$.customerId')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `events_customer_idx` ON `events` (`workspace_id`,`customer_id`);--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `customer_id` text;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_customer_idx` ON `webhook_deliveries` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_merged_idx` ON `customers` (`workspace_id`,`merged_into`);