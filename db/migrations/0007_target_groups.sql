CREATE TABLE `exemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`course_id` text,
	`from_date` text NOT NULL,
	`to_date` text,
	`reason` text NOT NULL,
	`import_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exemptions_person_idx` ON `exemptions` (`person_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `requirement_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`unit_id` integer,
	`function_level` text,
	`tag` text,
	`title_pattern` text,
	`deadline` text,
	`days_after_start` integer,
	`import_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requirement_rules_course_idx` ON `requirement_rules` (`course_id`);--> statement-breakpoint
CREATE TABLE `unit_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`tag` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_tags_uq` ON `unit_tags` (`unit_id`,`tag`);--> statement-breakpoint
CREATE INDEX `unit_tags_tag_idx` ON `unit_tags` (`tag`);--> statement-breakpoint
ALTER TABLE `courses` ADD `requirements_seeded_at` text;--> statement-breakpoint
ALTER TABLE `units` ADD `function_level` text;