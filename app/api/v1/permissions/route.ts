import { organizationPermissions, permissionCatalogue } from "@/lib/auth/permissions";
import { withApi } from "@/lib/http/with-api";

// GET /api/v1/permissions – the catalogue of permission codes roles can grant
export const GET = withApi(
  async () =>
    Response.json({ data: organizationPermissions.map((code) => ({ code, description: permissionCatalogue[code].description })) }),
  { action: "permissions.read" },
);
