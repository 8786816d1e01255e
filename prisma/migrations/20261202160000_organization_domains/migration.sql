-- Verified domains: an organization's directory (SCIM) may manage only accounts whose
-- address is in a domain the organization proved it controls, with a DNS TXT record, or
-- that a superadmin vouched for.

-- CreateEnum
CREATE TYPE "DomainVerificationMethod" AS ENUM ('dns', 'trusted');

-- CreateTable
CREATE TABLE "organization_domains" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "verification_token" TEXT NOT NULL,
    "verified_at" TIMESTAMPTZ(3),
    "verification_method" "DomainVerificationMethod",
    "verified_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_domains_pkey" PRIMARY KEY ("id"),
    -- Compared with the part of lower-cased email addresses after the "@".
    CONSTRAINT "organization_domains_domain_lowercase" CHECK ("domain" = lower("domain")),
    -- A domain is verified exactly when it says how.
    CONSTRAINT "organization_domains_verified_how" CHECK (("verified_at" IS NULL) = ("verification_method" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_domains_organization_id_domain_key" ON "organization_domains"("organization_id", "domain");

-- Two organizations may both claim a domain while they try to prove it, but only one
-- can hold it verified: otherwise two directories would manage the same accounts. Also
-- the index that finds which organization holds a domain.
CREATE UNIQUE INDEX "organization_domains_verified_domain_key" ON "organization_domains"("domain") WHERE "verified_at" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "organization_domains" ADD CONSTRAINT "organization_domains_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "domains:manage" is new and held by owners only, like "scim:manage": the built-in owner
-- role of every existing organization gets it, as new organizations' owner roles do.
UPDATE "organization_roles"
SET "permissions" = array_append("permissions", 'domains:manage')
WHERE "built_in" AND "name" = 'owner' AND NOT ('domains:manage' = ANY("permissions"));
