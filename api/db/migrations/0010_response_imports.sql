ALTER TABLE `responses` ADD `import_hash` text;--> statement-breakpoint
CREATE INDEX `responses_survey_import` ON `responses` (`survey_id`,`import_hash`) WHERE "responses"."import_hash" IS NOT NULL;