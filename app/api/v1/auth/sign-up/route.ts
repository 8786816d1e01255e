import { withApi } from "@/lib/http/with-api";
import { signUpSchema } from "@/lib/schemas/auth-email";
import { signUp } from "@/lib/services/auth/sign-up";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/sign-up – create an account; the same 202 whether or not the address is registered
export const POST = withApi(async ({ body }) => Response.json(await signUp(body), { status: 202 }), {
  action: "auth.sign-up",
  body: signUpSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
