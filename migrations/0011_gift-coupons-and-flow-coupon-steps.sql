ALTER TABLE `automation_step_receipts` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `loyalty_coupons` ADD `discount_percent` integer;--> statement-breakpoint
ALTER TABLE `loyalty_coupons` ADD `discount_amount` integer;--> statement-breakpoint
ALTER TABLE `loyalty_coupons` ADD `issue_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_coupons_issue_key_unique` ON `loyalty_coupons` (`workspace_id`,`issue_key`) WHERE issue_key is not null;