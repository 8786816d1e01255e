-- What the overview figures (lib/services/stats/queries.ts) need to stay fast with
-- 100,000 users and 1,000,000 audit events; docs/benchmarks.md has the plans before and after.

-- Failed sign-ins by reason: the (action, at) index found the rows but every one then
-- needed its heap page for `after` (15,000 pages for 90 days, 450 ms). Failures are a
-- small share of the log and their `after` holds only the reason, so a partial index
-- carrying `after` answers from the index alone. (An index on the expression
-- `after->>'reason'` would not: PostgreSQL only scans index-only when every column the
-- query names is in the index.)
CREATE INDEX "audit_events_failed_sign_ins_idx" ON "audit_events" ("at") INCLUDE ("after")
WHERE "action" = 'auth.sign_in_failed';

-- User counts: a narrow index of the users that are not deleted, read index-only and
-- grouped by status, instead of a scan of every whole row; deleted users awaiting their
-- purge are few and have an index of their own.
CREATE INDEX "users_live_status_idx" ON "users" ("status", "locked_until") WHERE "deleted_at" IS NULL;
CREATE INDEX "users_deleted_email_idx" ON "users" ("email") WHERE "deleted_at" IS NOT NULL;

-- Active users per day: one row per user and day means counting 450,000 rows for 90
-- days, which no index makes cheap (200 ms as a scan, as much index-only). So the count
-- per day is kept beside the marks, by triggers, in the statement that writes them.
CREATE TABLE "user_activity_day_counts" (
    "day" DATE NOT NULL,
    "users" INTEGER NOT NULL,

    CONSTRAINT "user_activity_day_counts_pkey" PRIMARY KEY ("day")
);

INSERT INTO "user_activity_day_counts" ("day", "users")
SELECT "day", count(*) FROM "user_activity_days" GROUP BY "day";

-- Statement triggers with transition tables: a mark already present (ON CONFLICT DO
-- NOTHING) is not in `added`, so a day counts each user once, and a bulk insert or a
-- cascade from a deleted user updates each day's row once.
CREATE FUNCTION "count_added_activity_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "user_activity_day_counts" ("day", "users")
  SELECT "day", count(*) FROM added GROUP BY "day" ORDER BY "day"
  ON CONFLICT ("day") DO UPDATE SET "users" = "user_activity_day_counts"."users" + excluded."users";
  RETURN NULL;
END $$;

CREATE FUNCTION "count_removed_activity_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_activity_day_counts" AS counts SET "users" = counts."users" - removed_per_day.n
  FROM (SELECT "day", count(*) AS n FROM removed GROUP BY "day") AS removed_per_day
  WHERE counts."day" = removed_per_day."day";
  RETURN NULL;
END $$;

CREATE TRIGGER "user_activity_days_count_added" AFTER INSERT ON "user_activity_days"
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "count_added_activity_days"();

CREATE TRIGGER "user_activity_days_count_removed" AFTER DELETE ON "user_activity_days"
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "count_removed_activity_days"();
