import { organizationPermissions, permissionCatalogue } from "@/lib/auth/permission-catalogue";
import { withApi } from "@/lib/http/with-api";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/permissions – the catalogue of permission codes roles can grant
export const GET = withApi(
  async () =>
    Response.json({ data: organizationPermissions.map((code) => ({ code, description: permissionCatalogue[code].description })) }),
  { action: "permissions.read" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
