-- CreateEnum
CREATE TYPE "AttributeType" AS ENUM ('text', 'number', 'boolean', 'date', 'enum');

-- CreateEnum
CREATE TYPE "AttributeUserAccess" AS ENUM ('none', 'read', 'edit');

-- CreateTable
CREATE TABLE "attribute_definitions" (
    "id" UUID NOT NULL,
    "organization_id" UUID,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "AttributeType" NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT false,
    "unique" BOOLEAN NOT NULL DEFAULT false,
    "user_access" "AttributeUserAccess" NOT NULL DEFAULT 'none',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attribute_definitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attribute_values" (
    "definition_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "text_value" TEXT,
    "number_value" DOUBLE PRECISION,
    "bool_value" BOOLEAN,
    "date_value" DATE,
    "is_unique" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attribute_values_pkey" PRIMARY KEY ("definition_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "attribute_definitions_organization_id_key_key" ON "attribute_definitions"("organization_id", "key");

-- CreateIndex
CREATE INDEX "attribute_values_user_id_idx" ON "attribute_values"("user_id");

-- CreateIndex
CREATE INDEX "attribute_values_definition_id_text_value_user_id_idx" ON "attribute_values"("definition_id", "text_value", "user_id");

-- CreateIndex
CREATE INDEX "attribute_values_definition_id_number_value_user_id_idx" ON "attribute_values"("definition_id", "number_value", "user_id");

-- CreateIndex
CREATE INDEX "attribute_values_definition_id_bool_value_user_id_idx" ON "attribute_values"("definition_id", "bool_value", "user_id");

-- CreateIndex
CREATE INDEX "attribute_values_definition_id_date_value_user_id_idx" ON "attribute_values"("definition_id", "date_value", "user_id");

-- AddForeignKey
ALTER TABLE "attribute_definitions" ADD CONSTRAINT "attribute_definitions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribute_values" ADD CONSTRAINT "attribute_values_definition_id_fkey" FOREIGN KEY ("definition_id") REFERENCES "attribute_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribute_values" ADD CONSTRAINT "attribute_values_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The installation's attributes have no organization, and NULLs are distinct in the
-- compound unique index above: their keys are unique by this one.
CREATE UNIQUE INDEX "attribute_definitions_installation_key_key" ON "attribute_definitions"("key") WHERE "organization_id" IS NULL;

-- A value lives in the column of its type, and only there, so every filter and sort reads
-- one typed index.
ALTER TABLE "attribute_values" ADD CONSTRAINT "attribute_values_one_value"
  CHECK (num_nonnulls("text_value", "number_value", "bool_value", "date_value") = 1);

-- A unique attribute's values are unique among its users. `is_unique` is copied from the
-- definition (in the transaction that changes it), as an index cannot look at another table.
CREATE UNIQUE INDEX "attribute_values_unique_text" ON "attribute_values"("definition_id", "text_value") WHERE "is_unique";
CREATE UNIQUE INDEX "attribute_values_unique_number" ON "attribute_values"("definition_id", "number_value") WHERE "is_unique";
CREATE UNIQUE INDEX "attribute_values_unique_date" ON "attribute_values"("definition_id", "date_value") WHERE "is_unique";

-- "attributes:manage" is new and held by the built-in owner role: its permission list is
-- stored, so organizations made before it get it here.
UPDATE "organization_roles"
SET "permissions" = array_append("permissions", 'attributes:manage')
WHERE "built_in" AND "name" = 'owner' AND NOT ('attributes:manage' = ANY("permissions"));
