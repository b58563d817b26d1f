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
-- hand-written: members who joined through an invitation proved their address; sign-ups did not.
UPDATE `users` SET `email_verified_at` = `created_at` WHERE `email_verified_at` IS NULL AND EXISTS (SELECT 1 FROM `invitations` WHERE `invitations`.`kind` = 'invite' AND `invitations`.`used_at` IS NOT NULL AND `invitations`.`email` = `users`.`email` AND `invitations`.`workspace_id` = `users`.`workspace_id`);
