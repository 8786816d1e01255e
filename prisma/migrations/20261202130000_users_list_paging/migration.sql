-- The user list walks by keyset: a page after a cursor reads one index range, however
-- deep the cursor is. Each sort gets an index on (column, id) over the users that are
-- not deleted, the rows the list shows unless asked for deleted ones. The indexes are
-- scanned forward for ascending pages and backward for descending ones; the list
-- fetches empty names and login times as a segment of their own after the others
-- (lib/services/users/user-sort-order.ts), so one index serves both directions.
CREATE INDEX "users_live_created_at_id_idx" ON "users" ("created_at", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "users_live_email_id_idx" ON "users" ("email", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "users_live_name_id_idx" ON "users" ("name", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "users_live_last_login_at_id_idx" ON "users" ("last_login_at", "id") WHERE "deleted_at" IS NULL;
-- Numbered pages (the admin table) read the list in one query, where "empty last" in
-- descending order needs an index in exactly that order.
CREATE INDEX "users_live_name_desc_idx" ON "users" ("name" DESC NULLS LAST, "id" DESC) WHERE "deleted_at" IS NULL;
CREATE INDEX "users_live_last_login_at_desc_idx" ON "users" ("last_login_at" DESC NULLS LAST, "id" DESC) WHERE "deleted_at" IS NULL;

-- Replaced by the partial indexes above.
DROP INDEX "users_name_id_idx";
DROP INDEX "users_last_login_at_id_idx";

-- Whether a password is set, kept beside the hash so that listing and showing users
-- never reads a hash: the application loads password hashes only to check a password.
-- Triggers keep it true to the hash whatever writes the row.
ALTER TABLE "users" ADD COLUMN "has_password" BOOLEAN NOT NULL DEFAULT false;
UPDATE "users" SET "has_password" = true WHERE "password_hash" IS NOT NULL;

CREATE FUNCTION "users_track_has_password"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."has_password" := NEW."password_hash" IS NOT NULL;
  RETURN NEW;
END
$$;

-- Only rows whose flag would be wrong run the function: a bulk insert of users
-- without passwords (invitations, imports, seeding) costs nothing extra.
CREATE TRIGGER "users_has_password_on_insert" BEFORE INSERT ON "users"
FOR EACH ROW WHEN (NEW."has_password" IS DISTINCT FROM (NEW."password_hash" IS NOT NULL))
EXECUTE FUNCTION "users_track_has_password"();

CREATE TRIGGER "users_has_password_on_update" BEFORE UPDATE ON "users"
FOR EACH ROW WHEN (NEW."has_password" IS DISTINCT FROM (NEW."password_hash" IS NOT NULL))
EXECUTE FUNCTION "users_track_has_password"();
