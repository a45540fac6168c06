-- Custom SQL migration file, put your code below! --
-- Seconds since 1970 of an ISO 8601 text timestamp, for the monitor's duration index (SQLite
-- indexes julianday(completed_at) - julianday(started_at) the same way). Declared IMMUTABLE so an
-- index may use it: our timestamps always carry their zone ("Z" or an offset), so the result does
-- not depend on the session's TimeZone.
CREATE FUNCTION trustlens_epoch(stamp text) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
  AS $$ SELECT extract(epoch FROM stamp::timestamptz)::double precision $$;
