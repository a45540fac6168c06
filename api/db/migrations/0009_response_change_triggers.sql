-- Custom SQL migration file, put your code below! --
-- Deletions and updates of responses and their analysed values are counted in the database
-- itself, so a cache on any connection (the writer thread's, another process's) learns of them;
-- appended rows are seen from the highest rowids. See api/indicators/change-stamp.ts.
INSERT INTO `response_changes` (`id`, `removed`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `response_values_removed` AFTER DELETE ON `response_values`
BEGIN
  UPDATE `response_changes` SET `removed` = `removed` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `response_values_updated` AFTER UPDATE ON `response_values`
BEGIN
  UPDATE `response_changes` SET `removed` = `removed` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `responses_removed` AFTER DELETE ON `responses`
BEGIN
  UPDATE `response_changes` SET `removed` = `removed` + 1 WHERE `id` = 1;
END;
