ALTER TABLE `orders` ADD `shipping_address` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_code` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_url` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `carrier` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shop_url` text;--> statement-breakpoint
CREATE INDEX `orders_status_time_idx` ON `orders` (`workspace_id`,`status`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_connection_time_idx` ON `orders` (`workspace_id`,`connection_id`,`placed_at`,`id`);