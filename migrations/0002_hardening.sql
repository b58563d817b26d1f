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
CREATE TABLE `workspace_due` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`next_due_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workspace_due_next_idx` ON `workspace_due` (`next_due_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_started_at` integer NOT NULL,
	`hits` integer NOT NULL,
	`blocked_until` integer,
	`last_allowed` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_expires_idx` ON `rate_limits` (`expires_at`);--> statement-breakpoint
DROP TABLE `login_attempts`;--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `released_email` text;--> statement-breakpoint
CREATE INDEX `users_released_email_idx` ON `users` (`released_email`);--> statement-breakpoint
ALTER TABLE `events` ADD `settled_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `customer_id` text GENERATED ALWAYS AS (json_extract(payload, '$.customerId')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `events_unsettled_idx` ON `events` (`settled_at`,`dispatched_at`);--> statement-breakpoint
CREATE INDEX `events_customer_idx` ON `events` (`workspace_id`,`customer_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `booked_net` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `customer_id` text;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_customer_idx` ON `webhook_deliveries` (`workspace_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `customers_workspace_merged_idx` ON `customers` (`workspace_id`,`merged_into`) WHERE "customers"."merged_into" is not null;--> statement-breakpoint
-- hand-written: members who joined through an invitation proved their address; sign-ups did not.
UPDATE `users` SET `email_verified_at` = `created_at` WHERE `email_verified_at` IS NULL AND EXISTS (SELECT 1 FROM `invitations` WHERE `invitations`.`kind` = 'invite' AND `invitations`.`used_at` IS NOT NULL AND `invitations`.`email` = `users`.`email` AND `invitations`.`workspace_id` = `users`.`workspace_id`);
--> statement-breakpoint
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
--> statement-breakpoint
-- hand-written: events older than a day that were handed to the queue count as settled (they
-- were delivered or lost long ago); newer ones are left for the sweeper to check and re-send.
UPDATE `events` SET `settled_at` = `dispatched_at` WHERE `dispatched_at` IS NOT NULL AND `created_at` < (unixepoch() - 86400) * 1000;--> statement-breakpoint
-- hand-written: every workspace is due at once, so the next cron tick computes its real due time.
INSERT OR IGNORE INTO `workspace_due` (`workspace_id`, `next_due_at`) SELECT `id`, 0 FROM `workspaces`;--> statement-breakpoint
-- hand-written: a new workspace is due at once; a change of its plugins or time zone makes it due again.
CREATE TRIGGER `workspace_due_on_create` AFTER INSERT ON `workspaces` BEGIN
  INSERT OR IGNORE INTO `workspace_due` (`workspace_id`, `next_due_at`) VALUES (NEW.`id`, 0);
END;--> statement-breakpoint
CREATE TRIGGER `workspace_due_on_time_zone` AFTER UPDATE OF `time_zone` ON `workspaces` BEGIN
  UPDATE `workspace_due` SET `next_due_at` = 0 WHERE `workspace_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `workspace_due_on_plugin_added` AFTER INSERT ON `workspace_plugins` BEGIN
  UPDATE `workspace_due` SET `next_due_at` = 0 WHERE `workspace_id` = NEW.`workspace_id`;
END;--> statement-breakpoint
CREATE TRIGGER `workspace_due_on_plugin_changed` AFTER UPDATE ON `workspace_plugins` BEGIN
  UPDATE `workspace_due` SET `next_due_at` = 0 WHERE `workspace_id` = NEW.`workspace_id`;
END;--> statement-breakpoint
CREATE TRIGGER `workspace_due_on_delete` AFTER DELETE ON `workspaces` BEGIN
  DELETE FROM `workspace_due` WHERE `workspace_id` = OLD.`id`;
END;
--> statement-breakpoint
-- hand-written: the built-in admin role's plugin permissions now come from its stored list, as for
-- every other role (before, sign-in added every plugin permission to admins whatever the list
-- said). Existing admin roles get the compiled-in plugins' permissions once, so no admin loses
-- what they could do the day before.
UPDATE roles SET permissions = (
  SELECT json_group_array(value) FROM (
    SELECT value FROM json_each(roles.permissions)
    UNION
    SELECT value FROM json_each('["loyalty:adjust","loyalty:manage","loyalty:read","loyalty:redeem"]')
    ORDER BY value
  )
) WHERE key = 'admin' AND builtin = 1;
