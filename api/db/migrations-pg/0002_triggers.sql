-- Custom SQL migration file, put your code below! --
-- The audit log is append-only, as on SQLite (migration 0002 there): no row may be changed or
-- removed, whatever the code does. PostgreSQL also has TRUNCATE, refused the same way.
CREATE FUNCTION trustlens_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION trustlens_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION trustlens_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION trustlens_audit_log_append_only();
--> statement-breakpoint
-- Deletions and updates of responses and their analysed values are counted in the database
-- itself, as on SQLite (migration 0009 there), so every instance's caches learn of them.
INSERT INTO response_changes (id, removed) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION trustlens_count_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE response_changes SET removed = removed + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER response_values_removed AFTER DELETE ON response_values
  FOR EACH ROW EXECUTE FUNCTION trustlens_count_removal();
--> statement-breakpoint
CREATE TRIGGER response_values_updated AFTER UPDATE ON response_values
  FOR EACH ROW EXECUTE FUNCTION trustlens_count_removal();
--> statement-breakpoint
CREATE TRIGGER responses_removed AFTER DELETE ON responses
  FOR EACH ROW EXECUTE FUNCTION trustlens_count_removal();
--> statement-breakpoint
-- Transactions that insert responses take turns (a transaction-level advisory lock, taken before
-- the first row gets its rowid and held to the commit), so rowids are handed out in commit order:
-- a reader that saw rowid N has seen every row below N, on any instance. SQLite has one writer at
-- a time anyway. With group commit one transaction holds a whole batch, so the turns are short.
CREATE FUNCTION trustlens_insert_in_turn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7262950001);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER responses_insert_in_turn BEFORE INSERT ON responses
  FOR EACH STATEMENT EXECUTE FUNCTION trustlens_insert_in_turn();
--> statement-breakpoint
CREATE TRIGGER response_values_insert_in_turn BEFORE INSERT ON response_values
  FOR EACH STATEMENT EXECUTE FUNCTION trustlens_insert_in_turn();
