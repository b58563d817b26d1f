CREATE TABLE `workspace_due` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`next_due_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workspace_due_next_idx` ON `workspace_due` (`next_due_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `settled_at` integer;--> statement-breakpoint
CREATE INDEX `events_unsettled_idx` ON `events` (`settled_at`,`dispatched_at`);--> statement-breakpoint
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
