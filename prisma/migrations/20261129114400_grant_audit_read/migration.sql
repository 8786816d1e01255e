-- "audit:read" is checked again: audit events now carry their organization, and the
-- organization's audit log needs it. Built-in owner and admin roles hold every
-- organization permission (admin all but deleting), so they get it back; custom roles
-- that listed it before the previous migration must be given it again by hand.
UPDATE "organization_roles"
SET "permissions" = array_append("permissions", 'audit:read')
WHERE "built_in" AND "name" IN ('owner', 'admin') AND NOT ('audit:read' = ANY("permissions"));
