CREATE TABLE `response_values` (
	`response_id` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`version` integer NOT NULL,
	`wave` integer,
	`weight` real,
	`stratum` text,
	`psu` text,
	`language` text NOT NULL,
	`mode` text NOT NULL,
	`answer_values` blob NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_values_survey_wave` ON `response_values` (`survey_id`,`wave`);