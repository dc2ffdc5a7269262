CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`unit_id` integer,
	`as_of` text,
	`count` integer NOT NULL,
	`person_id` integer,
	`detail` text,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_at_idx` ON `access_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `access_log_person_idx` ON `access_log` (`person_id`);--> statement-breakpoint
CREATE INDEX `access_log_unit_idx` ON `access_log` (`unit_id`,`as_of`);--> statement-breakpoint
ALTER TABLE `people` ADD `pseudonymised_at` text;