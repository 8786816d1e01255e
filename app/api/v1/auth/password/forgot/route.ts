import { withApi } from "@/lib/http/with-api";
import { forgotPasswordSchema } from "@/lib/schemas/auth-email";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/password/forgot – email a reset link; the same 202 whether or not the address is registered
export const POST = withApi(async ({ body }) => Response.json(await requestPasswordReset(body), { status: 202 }), {
  action: "auth.password.forgot",
  body: forgotPasswordSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
