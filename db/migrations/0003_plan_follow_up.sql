ALTER TABLE `plan_activities` ADD `target_percent` integer;--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `target_date` text;--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `carried_from_id` integer REFERENCES plan_activities(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `carried_from_year` integer;--> statement-breakpoint
ALTER TABLE `plan_activities` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `plan_activities_carried_idx` ON `plan_activities` (`carried_from_id`);