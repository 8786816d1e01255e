import { withApi } from "@/lib/http/with-api";
import { listGrantedApplications } from "@/lib/services/oidc/list-granted-applications";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/me/applications – the applications the caller granted access
export const GET = withApi(async ({ actor }) => Response.json({ data: await listGrantedApplications({ actor, userId: actor.userId }) }), {
  action: "me.applications.read",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
