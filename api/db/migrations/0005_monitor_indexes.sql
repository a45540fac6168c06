CREATE INDEX `responses_survey_region` ON `responses` (`survey_id`,"answers" ->> '$.region');--> statement-breakpoint
CREATE INDEX `responses_survey_language` ON `responses` (`survey_id`,`language`);--> statement-breakpoint
CREATE INDEX `responses_survey_mode_received` ON `responses` (`survey_id`,`mode`,`received_at`);--> statement-breakpoint
CREATE INDEX `responses_survey_duration` ON `responses` (`survey_id`,(julianday("completed_at") - julianday("started_at")) * 86400);