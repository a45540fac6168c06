DROP INDEX "responses_survey_duration";--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "duration" double precision GENERATED ALWAYS AS ((trustlens_epoch("completed_at") - trustlens_epoch("started_at"))) STORED;--> statement-breakpoint
CREATE INDEX "responses_survey_duration" ON "responses" USING btree ("survey_id","duration");