import { withApi } from "@/lib/http/with-api";
import { userSelfUpdateSchema } from "@/lib/schemas/user";
import { getCurrentUser } from "@/lib/services/users/get-current-user";
import { updateCurrentUser } from "@/lib/services/users/update-current-user";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/me – the signed-in user
export const GET = withApi(async ({ actor }) => Response.json(await getCurrentUser({ actor })), { action: "me.read" });

// PATCH /api/v1/users/me – change your own name
export const PATCH = withApi(async ({ actor, body }) => Response.json(await updateCurrentUser({ actor, data: body })), {
  action: "me.update",
  body: userSelfUpdateSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, DELETE, OPTIONS } = undeclaredMethods;
