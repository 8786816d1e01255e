-- "tokens:manage" and "audit:read" were never checked by anything (audit events carry no
-- organization to filter a per-organization log by) and are gone from the permission
-- catalogue; roles stop listing them, so no role appears to grant a power that does not exist.
UPDATE "organization_roles"
SET "permissions" = array_remove(array_remove("permissions", 'tokens:manage'), 'audit:read')
WHERE "permissions" && ARRAY['tokens:manage', 'audit:read'];
