-- The user's profile: OpenID Connect's standard claims and SCIM's core attributes.
-- Nullable, so existing users simply have none; `name` stays the display name.
ALTER TABLE "users"
  ADD COLUMN "given_name" TEXT,
  ADD COLUMN "family_name" TEXT,
  ADD COLUMN "middle_name" TEXT,
  ADD COLUMN "nickname" TEXT,
  ADD COLUMN "title" TEXT,
  ADD COLUMN "phone_numbers" JSONB,
  ADD COLUMN "preferred_language" TEXT,
  ADD COLUMN "locale" TEXT,
  ADD COLUMN "time_zone" TEXT;

-- A member's enterprise attributes per organization. Keyed like memberships but not
-- referencing them: a directory's deactivation deletes the membership, and the
-- attributes must be there again when it reactivates the user.
CREATE TABLE "member_profiles" (
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "employee_number" TEXT,
    "cost_center" TEXT,
    "organization" TEXT,
    "division" TEXT,
    "department" TEXT,
    "manager_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_profiles_pkey" PRIMARY KEY ("organization_id","user_id")
);
CREATE INDEX "member_profiles_user_id_idx" ON "member_profiles"("user_id");
CREATE INDEX "member_profiles_manager_id_idx" ON "member_profiles"("manager_id");
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What a directory sent beyond the looked-up columns, as sent (email case included).
ALTER TABLE "scim_users" ADD COLUMN "attributes" JSONB NOT NULL DEFAULT '{}';
