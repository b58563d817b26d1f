CREATE TABLE `buyer_days` (
	`workspace_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`day` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `customer_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `buyer_days_by_day` ON `buyer_days` (`workspace_id`,`day`,`customer_id`,`orders`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `week_start` text DEFAULT 'saturday' NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `joined_retained` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
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
