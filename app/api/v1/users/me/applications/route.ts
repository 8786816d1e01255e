import { withApi } from "@/lib/http/with-api";
import { listGrantedApplications } from "@/lib/services/oidc/list-granted-applications";

// GET /api/v1/users/me/applications – the applications the caller granted access
export const GET = withApi(async ({ actor }) => Response.json({ data: await listGrantedApplications({ actor, userId: actor.userId }) }), {
  action: "me.applications.read",
});
