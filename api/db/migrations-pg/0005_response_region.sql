DROP INDEX "responses_survey_region";--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "region" text GENERATED ALWAYS AS (("answers" ->> 'region')) STORED;--> statement-breakpoint
CREATE INDEX "responses_survey_region" ON "responses" USING btree ("survey_id","region");