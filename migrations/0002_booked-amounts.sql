CREATE TABLE `currency_day_rollups` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `day`, `currency`)
);
--> statement-breakpoint
ALTER TABLE `orders` ADD `booked_net` integer;--> statement-breakpoint
-- hand-written: book the orders already stored. An order in the workspace's currency books its
-- net as it is; IRR in a toman workspace ÷ 10 (half up), IRT in a rial workspace × 10; any other
-- currency stays null (out of the workspace's figures). Customer totals are then recomputed
-- from the booked amounts.
UPDATE `orders` SET `booked_net` = CASE
  WHEN `currency` = (SELECT `currency` FROM `workspaces` WHERE `workspaces`.`id` = `orders`.`workspace_id`) THEN `total` - `refunded_total`
  WHEN `currency` = 'IRR' AND (SELECT `currency` FROM `workspaces` WHERE `workspaces`.`id` = `orders`.`workspace_id`) = 'IRT' THEN (`total` - `refunded_total` + 5) / 10
  WHEN `currency` = 'IRT' AND (SELECT `currency` FROM `workspaces` WHERE `workspaces`.`id` = `orders`.`workspace_id`) = 'IRR' THEN (`total` - `refunded_total`) * 10
  ELSE NULL END;
--> statement-breakpoint
UPDATE `customers` SET
  `order_count` = (SELECT count(*) FROM `orders` o WHERE o.`workspace_id` = `customers`.`workspace_id` AND o.`customer_id` = `customers`.`id` AND o.`status` = 'paid' AND o.`booked_net` IS NOT NULL),
  `total_spent` = (SELECT coalesce(sum(o.`booked_net`), 0) FROM `orders` o WHERE o.`workspace_id` = `customers`.`workspace_id` AND o.`customer_id` = `customers`.`id` AND o.`status` = 'paid')
WHERE `id` IN (SELECT `customer_id` FROM `orders` WHERE `status` = 'paid' AND (`booked_net` IS NULL OR `booked_net` <> `total` - `refunded_total`));
