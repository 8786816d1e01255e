import { withApi } from "@/lib/http/with-api";
import { verifyEmailSchema } from "@/lib/schemas/auth-email";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/email/verify – confirm an address (or complete an email change) with a link's token
export const POST = withApi(async ({ body }) => Response.json(await verifyEmail(body)), {
  action: "auth.email.verify",
  body: verifyEmailSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
