import { withApi } from "@/lib/http/with-api";
import { emailChangeSchema } from "@/lib/schemas/auth-email";
import { requestEmailChange } from "@/lib/services/auth/request-email-change";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/email – mail a confirmation link to a new address; the change applies when it is followed
export const POST = withApi(async ({ actor, body }) => Response.json(await requestEmailChange({ actor, ...body }), { status: 202 }), {
  action: "me.email.change",
  body: emailChangeSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
