CREATE TABLE `survey_starts` (
	`survey_id` integer NOT NULL,
	`day` text NOT NULL,
	`starts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`survey_id`, `day`),
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
