import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { listGrantedApplications } from "@/lib/services/oidc/list-granted-applications";

// GET /api/v1/users/:id/applications – the applications a user granted access
export const GET = withApi(
  async ({ actor, params }) => Response.json({ data: await listGrantedApplications({ actor, userId: idParam(params, "User") }) }),
  { action: "users.applications.read" },
);
