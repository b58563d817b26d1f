CREATE TABLE `message_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`text_fa` text NOT NULL,
	`text_en` text NOT NULL,
	`subject_fa` text,
	`subject_en` text,
	`provider_template` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_templates_name_unique` ON `message_templates` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `short_links` (
	`code` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`message_id` text,
	`customer_id` text,
	`expires_at` integer,
	`clicks` integer DEFAULT 0 NOT NULL,
	`first_clicked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `short_links_message_idx` ON `short_links` (`workspace_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `sms_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`sender` text NOT NULL,
	`text` text NOT NULL,
	`customer_id` text,
	`interaction_id` text,
	`in_reply_to_message_id` text,
	`provider_ref` text NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_replies_provider_ref_unique` ON `sms_replies` (`workspace_id`,`provider_ref`);--> statement-breakpoint
CREATE INDEX `sms_replies_unmatched_idx` ON `sms_replies` (`workspace_id`,`received_at`,`id`) WHERE customer_id is null;--> statement-breakpoint
CREATE TABLE `buyer_days` (
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`day` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `customer_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `buyer_days_by_day` ON `buyer_days` (`workspace_id`,`day`,`customer_id`,`orders`);--> statement-breakpoint
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
ALTER TABLE `workspaces` ADD `messaging_policy` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `week_start` text DEFAULT 'saturday' NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_identifiers` ADD `tail_key` text GENERATED ALWAYS AS (case when kind = 'mobile' then substr(value, 13, 1) || substr(value, 12, 1) || substr(value, 11, 1) || substr(value, 10, 1) || substr(value, 9, 1) || substr(value, 8, 1) || substr(value, 7, 1) || substr(value, 6, 1) || substr(value, 5, 1) || substr(value, 4, 1) end) VIRTUAL;--> statement-breakpoint
CREATE INDEX `customer_identifiers_tail_idx` ON `customer_identifiers` (`workspace_id`,`tail_key`) WHERE "customer_identifiers"."tail_key" is not null;--> statement-breakpoint
ALTER TABLE `messages` ADD `purpose` text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `provider_template` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `template_values` text;--> statement-breakpoint
CREATE INDEX `messages_workspace_time_idx` ON `messages` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_workspace_status_time_idx` ON `messages` (`workspace_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `messages_provider_ref_idx` ON `messages` (`workspace_id`,`provider_kind`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `messages_deferred_due_idx` ON `messages` (`due_at`) WHERE status = 'deferred';--> statement-breakpoint
CREATE INDEX `messages_marketing_customer_idx` ON `messages` (`workspace_id`,`customer_id`,`channel`,`created_at`) WHERE purpose = 'marketing';--> statement-breakpoint
CREATE INDEX `messages_marketing_time_idx` ON `messages` (`workspace_id`,`created_at`) WHERE purpose = 'marketing';--> statement-breakpoint
ALTER TABLE `messaging_providers` ADD `connection_id` text;--> statement-breakpoint
ALTER TABLE `messaging_providers` ADD `opt_out_words` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messaging_providers_connection_unique` ON `messaging_providers` (`connection_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_address` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_code` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_url` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `carrier` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shop_url` text;--> statement-breakpoint
CREATE INDEX `orders_workspace_number_idx` ON `orders` (`workspace_id`,`number`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_time_idx` ON `orders` (`workspace_id`,`status`,`placed_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_connection_time_idx` ON `orders` (`workspace_id`,`connection_id`,`placed_at`,`id`);--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `joined_retained` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `shop_url` text;--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `api_credentials` text;--> statement-breakpoint
ALTER TABLE `shop_connections` ADD `created_webhooks` text;--> statement-breakpoint
-- hand-written: refold the name index of existing customers with the new folding (worker/core/cid/fold-name.ts):
-- yeh with hamza and the other yeh/kaf/heh forms, a lone hamza dropped; then add each pair of
-- adjacent words written together, so "علیرضا" finds "علی‌رضا". Words moved to a survivor by a
-- merge are refolded where they are; joined pairs come from each live customer's own name.
UPDATE `customers` SET `name_key` = trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_key, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', ''), '  ', ' ')) WHERE `name_key` <> trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name_key, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', ''), '  ', ' '));--> statement-breakpoint
INSERT OR IGNORE INTO `customer_name_words` (`workspace_id`, `word`, `customer_id`) SELECT `workspace_id`, replace(replace(replace(replace(replace(replace(replace(replace(replace(word, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', ''), `customer_id` FROM `customer_name_words` WHERE replace(replace(replace(replace(replace(replace(replace(replace(replace(word, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', '') <> `word` AND replace(replace(replace(replace(replace(replace(replace(replace(replace(word, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', '') <> '';--> statement-breakpoint
DELETE FROM `customer_name_words` WHERE replace(replace(replace(replace(replace(replace(replace(replace(replace(word, 'ئ', 'ی'), 'ې', 'ی'), 'ۍ', 'ی'), 'ێ', 'ی'), 'ڪ', 'ک'), 'ۀ', 'ه'), 'ە', 'ه'), 'ہ', 'ه'), 'ء', '') <> `word`;--> statement-breakpoint
INSERT OR IGNORE INTO `customer_name_words` (`workspace_id`, `word`, `customer_id`) WITH RECURSIVE `parts` (`workspace_id`, `customer_id`, `pos`, `word`, `rest`) AS (SELECT `workspace_id`, `id`, 0, '', `name_key` || ' ' FROM `customers` WHERE `name_key` <> '' AND `erased_at` IS NULL AND `merged_into` IS NULL UNION ALL SELECT `workspace_id`, `customer_id`, `pos` + 1, substr(`rest`, 1, instr(`rest`, ' ') - 1), substr(`rest`, instr(`rest`, ' ') + 1) FROM `parts` WHERE `rest` <> '') SELECT a.`workspace_id`, a.`word` || b.`word`, a.`customer_id` FROM `parts` a JOIN `parts` b ON b.`customer_id` = a.`customer_id` AND b.`pos` = a.`pos` + 1 WHERE a.`pos` > 0 AND a.`word` <> '' AND b.`word` <> '';
--> statement-breakpoint
-- hand-written: the buyer days of orders recorded before this table existed: paid orders booked in
-- the workspace's currency, per customer and local day. SQLite knows no time zones, so a Tehran
-- workspace's day is taken at +03:30 (Iran keeps no daylight saving since 2022) and any other zone's at UTC.
INSERT INTO `buyer_days` (`workspace_id`, `customer_id`, `day`, `orders`)
SELECT o.`workspace_id`, o.`customer_id`,
  date(o.`placed_at` / 1000 + (CASE WHEN w.`time_zone` = 'Asia/Tehran' THEN 12600 ELSE 0 END), 'unixepoch'),
  count(*)
FROM `orders` o JOIN `workspaces` w ON w.`id` = o.`workspace_id`
WHERE o.`status` = 'paid' AND o.`booked_net` IS NOT NULL
GROUP BY 1, 2, 3;
