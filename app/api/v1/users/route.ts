import { withApi } from "@/lib/http/with-api";
import { withAttributeParams } from "@/lib/schemas/attributes";
import { userCreateSchema, userListQuerySchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users – search, filter, sort and page through users (administrators)
export const GET = withApi(async ({ actor, query }) => Response.json(await listUsers({ actor, query })), {
  action: "users.list",
  query: withAttributeParams(userListQuerySchema),
});

// POST /api/v1/users – create a user with a password, or invite them by email
export const POST = withApi(async ({ actor, body }) => userResponse(await createUser({ actor, data: body }), { status: 201 }), {
  action: "users.create",
  body: userCreateSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
