import { withApi } from "@/lib/http/with-api";
import { resetPasswordSchema } from "@/lib/schemas/auth-email";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/password/reset – set a new password with a reset link's token, ending every session
export const POST = withApi(
  async ({ body }) => {
    await resetPassword(body);
    return Response.json({ message: "Your password was changed. Sign in with the new one." });
  },
  { action: "auth.password.reset", body: resetPasswordSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
