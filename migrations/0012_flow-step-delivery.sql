ALTER TABLE `automation_step_receipts` ADD `delivery` text;--> statement-breakpoint
ALTER TABLE `automation_step_receipts` ADD `clicked_at` integer;