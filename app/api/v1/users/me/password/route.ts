import { withApi } from "@/lib/http/with-api";
import { passwordChangeSchema } from "@/lib/schemas/account";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// PATCH /api/v1/users/me/password – change the caller's password and sign out their other sessions
export const PATCH = withApi(async ({ actor, body }) => Response.json(await changeOwnPassword({ actor, data: body })), {
  action: "me.password.change",
  body: passwordChangeSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = undeclaredMethods;
