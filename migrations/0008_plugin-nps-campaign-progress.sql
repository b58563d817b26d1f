ALTER TABLE `nps_campaigns` ADD `audience` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `sent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `deferred` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `failed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_campaigns` ADD `skip_reasons` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `nps_surveys` ADD `referral_invite` text;