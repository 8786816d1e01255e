-- "applications:manage" is new and held by the built-in owner and admin roles: their
-- permission lists are stored, so organizations made before it get it here. Custom roles
-- get it only when someone grants it.
UPDATE "organization_roles"
SET "permissions" = array_append("permissions", 'applications:manage')
WHERE "built_in" AND "name" IN ('owner', 'admin') AND NOT ('applications:manage' = ANY("permissions"));
