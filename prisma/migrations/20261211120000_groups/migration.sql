-- Groups: an organization's named sets of people, kept by its owners or provisioned by
-- its directory (SCIM). A person may be in any number of groups, and each group grants
-- roles; before this, a SCIM group was a custom role, so a member could be in one only.

-- CreateTable
CREATE TABLE "groups" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "external_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_members" (
    "group_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_members_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "group_roles" (
    "group_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,

    CONSTRAINT "group_roles_pkey" PRIMARY KEY ("group_id","role_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "groups_organization_id_name_key" ON "groups"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "groups_organization_id_external_id_key" ON "groups"("organization_id", "external_id");

-- CreateIndex
CREATE INDEX "group_members_user_id_idx" ON "group_members"("user_id");

-- CreateIndex
CREATE INDEX "group_roles_role_id_idx" ON "group_roles"("role_id");

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_roles" ADD CONSTRAINT "group_roles_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_roles" ADD CONSTRAINT "group_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "organization_roles"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Names are at most 256 characters (Microsoft Entra ID renames groups past 50).
ALTER TABLE "groups" ADD CONSTRAINT "groups_name_length" CHECK (char_length("name") BETWEEN 1 AND 256);

-- "groups:manage" is new and held by the built-in owner and admin roles, as
-- "applications:manage" is: organizations made before it get it here.
UPDATE "organization_roles"
SET "permissions" = array_append("permissions", 'groups:manage')
WHERE "built_in" AND "name" IN ('owner', 'admin') AND NOT ('groups:manage' = ANY("permissions"));

-- Until now a directory's group was a custom role that its members held as their role.
-- Each becomes a group with the same id (the directory keeps addressing it by that id)
-- that grants the role, with the provisioned members who held it; those members hold
-- the built-in member role themselves, so what they may do is unchanged.
INSERT INTO "groups" ("id", "organization_id", "name", "version", "created_at", "updated_at")
SELECT "id", "organization_id", "name", "version", "created_at", "updated_at"
FROM "organization_roles"
WHERE NOT "built_in" AND "description" = 'Provisioned over SCIM.';

INSERT INTO "group_roles" ("group_id", "role_id") SELECT "id", "id" FROM "groups";

INSERT INTO "group_members" ("group_id", "user_id", "added_at")
SELECT m."role_id", m."user_id", m."joined_at"
FROM "memberships" m JOIN "groups" g ON g."id" = m."role_id"
WHERE EXISTS (SELECT 1 FROM "scim_users" s WHERE s."organization_id" = m."organization_id" AND s."user_id" = m."user_id");

UPDATE "memberships" m
SET "role_id" = r."id", "version" = m."version" + 1
FROM "organization_roles" r, "group_members" gm
WHERE r."organization_id" = m."organization_id" AND r."built_in" AND r."name" = 'member'
  AND gm."group_id" = m."role_id" AND gm."user_id" = m."user_id";
