CREATE TABLE `response_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`removed` integer DEFAULT 0 NOT NULL
);
