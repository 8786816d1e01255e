import { withApi } from "@/lib/http/with-api";
import { emailChangeSchema } from "@/lib/schemas/auth-email";
import { requestEmailChange } from "@/lib/services/auth/request-email-change";

// POST /api/v1/users/me/email – mail a confirmation link to a new address; the change applies when it is followed
export const POST = withApi(async ({ actor, body }) => Response.json(await requestEmailChange({ actor, ...body }), { status: 202 }), {
  action: "me.email.change",
  body: emailChangeSchema,
});
