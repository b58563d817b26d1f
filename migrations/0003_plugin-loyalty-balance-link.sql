ALTER TABLE `loyalty_members` ADD `balance_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_members_balance_token_unique` ON `loyalty_members` (`workspace_id`,`balance_token`);