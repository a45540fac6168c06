CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`survey_version_id` integer NOT NULL,
	`version` integer NOT NULL,
	`answers` text NOT NULL,
	`answers_hash` text NOT NULL,
	`language` text NOT NULL,
	`mode` text DEFAULT 'web' NOT NULL,
	`is_synthetic` integer DEFAULT false NOT NULL,
	`wave` integer,
	`stratum` text,
	`psu` text,
	`weight` real,
	`started_at` text,
	`completed_at` text,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`survey_version_id`) REFERENCES `survey_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `responses_survey_version` ON `responses` (`survey_id`,`version`);--> statement-breakpoint
CREATE TABLE `survey_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`meta` text NOT NULL,
	`content_hash` text NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_versions_survey_version` ON `survey_versions` (`survey_id`,`version`);--> statement-breakpoint
CREATE INDEX `survey_versions_hash` ON `survey_versions` (`survey_id`,`content_hash`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_slug_unique` ON `surveys` (`slug`);