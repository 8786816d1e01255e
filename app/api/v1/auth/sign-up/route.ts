import { withApi } from "@/lib/http/with-api";
import { signUpSchema } from "@/lib/schemas/auth-email";
import { signUp } from "@/lib/services/auth/sign-up";

// POST /api/v1/auth/sign-up – create an account; the same 202 whether or not the address is registered
export const POST = withApi(async ({ body }) => Response.json(await signUp(body), { status: 202 }), {
  action: "auth.sign-up",
  body: signUpSchema,
});
