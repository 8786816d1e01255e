-- "tokens:manage" was never checked by anything and is gone from the permission catalogue;
-- roles stop listing it, so no role appears to grant a power that does not exist.
UPDATE "organization_roles" SET "permissions" = array_remove("permissions", 'tokens:manage') WHERE 'tokens:manage' = ANY ("permissions");
