CREATE TABLE `loyalty_coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`code` text NOT NULL,
	`customer_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`reward_name` text NOT NULL,
	`cost` integer NOT NULL,
	`ledger_entry_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`use_id` text,
	`used_by_user_id` text,
	`used_by_api_key_id` text,
	`use_reference` text,
	`voided_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_coupons_code_unique` ON `loyalty_coupons` (`workspace_id`,`code`);--> statement-breakpoint
CREATE INDEX `loyalty_coupons_customer_idx` ON `loyalty_coupons` (`workspace_id`,`customer_id`,`id`);--> statement-breakpoint
CREATE INDEX `loyalty_coupons_workspace_idx` ON `loyalty_coupons` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`rule` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` text,
	`dedupe_key` text,
	`reason` text,
	`amount` integer DEFAULT 0 NOT NULL,
	`shortfall` integer DEFAULT 0 NOT NULL,
	`expires_at` integer,
	`coupon_id` text,
	`actor_user_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_ledger_dedupe_unique` ON `loyalty_ledger` (`workspace_id`,`dedupe_key`) WHERE "loyalty_ledger"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX `loyalty_ledger_customer_idx` ON `loyalty_ledger` (`workspace_id`,`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `loyalty_ledger_source_idx` ON `loyalty_ledger` (`workspace_id`,`source_kind`,`source_id`);--> statement-breakpoint
CREATE INDEX `loyalty_ledger_expiry_idx` ON `loyalty_ledger` (`workspace_id`,`expires_at`) WHERE "loyalty_ledger"."expires_at" is not null;--> statement-breakpoint
CREATE TABLE `loyalty_members` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`balance` integer DEFAULT 0 NOT NULL,
	`tier` text NOT NULL,
	`tier_since` integer NOT NULL,
	`below_tier_since` integer,
	`referral_code` text,
	`referred_by` text,
	`referred_at` integer,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "loyalty_members_balance_non_negative" CHECK("loyalty_members"."balance" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_members_customer_unique` ON `loyalty_members` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_members_referral_code_unique` ON `loyalty_members` (`workspace_id`,`referral_code`);--> statement-breakpoint
CREATE INDEX `loyalty_members_workspace_idx` ON `loyalty_members` (`workspace_id`,`id`);--> statement-breakpoint
CREATE INDEX `loyalty_members_tier_idx` ON `loyalty_members` (`workspace_id`,`tier`,`customer_id`);--> statement-breakpoint
CREATE INDEX `loyalty_members_referred_by_idx` ON `loyalty_members` (`workspace_id`,`referred_by`);--> statement-breakpoint
CREATE TABLE `loyalty_raffle_entrants` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`raffle_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`customer_ids` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_raffle_entrants_chunk_unique` ON `loyalty_raffle_entrants` (`workspace_id`,`raffle_id`,`chunk`);--> statement-breakpoint
CREATE TABLE `loyalty_raffles` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`segment_id` text,
	`segment_name` text,
	`min_balance` integer NOT NULL,
	`winners_wanted` integer NOT NULL,
	`algorithm` text NOT NULL,
	`seed` text NOT NULL,
	`entrants_count` integer NOT NULL,
	`entrants_digest` text NOT NULL,
	`winners` text NOT NULL,
	`drawn_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `loyalty_raffles_workspace_idx` ON `loyalty_raffles` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`cost` integer NOT NULL,
	`stock` integer,
	`available_from` integer,
	`available_until` integer,
	`coupon_days` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "loyalty_rewards_cost_positive" CHECK("loyalty_rewards"."cost" > 0),
	CONSTRAINT "loyalty_rewards_stock_non_negative" CHECK("loyalty_rewards"."stock" is null or "loyalty_rewards"."stock" >= 0)
);
--> statement-breakpoint
CREATE INDEX `loyalty_rewards_workspace_idx` ON `loyalty_rewards` (`workspace_id`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_tier_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`from_tier` text NOT NULL,
	`to_tier` text NOT NULL,
	`direction` text NOT NULL,
	`cause` text NOT NULL,
	`value` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `loyalty_tier_changes_customer_idx` ON `loyalty_tier_changes` (`workspace_id`,`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `loyalty_totals` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	`earned` integer DEFAULT 0 NOT NULL,
	`redeemed` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	`reversed` integer DEFAULT 0 NOT NULL,
	`adjusted` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
