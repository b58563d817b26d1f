ALTER TABLE `users` ADD `mobile` text;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest` text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest_day` text;--> statement-breakpoint
CREATE INDEX `users_task_digest_idx` ON `users` (`workspace_id`,`task_digest`,`task_digest_day`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assigned_by` text;--> statement-breakpoint
CREATE INDEX `tasks_assigned_idx` ON `tasks` (`workspace_id`,`assignee_user_id`,`assigned_at`);