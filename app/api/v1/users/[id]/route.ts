import { versionFromIfMatch } from "@/lib/http/etag";
import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { userUpdateSchema } from "@/lib/schemas/user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { getUser } from "@/lib/services/users/get-user";
import { updateUser } from "@/lib/services/users/update-user";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/:id – one user, with its version as ETag
export const GET = withApi(async ({ actor, params }) => userResponse(await getUser({ actor, userId: idParam(params, "User") })), {
  action: "users.read",
});

// PATCH /api/v1/users/:id – change name, role or status; If-Match guards against lost updates
export const PATCH = withApi(
  async ({ actor, params, body, request }) =>
    userResponse(await updateUser({ actor, userId: idParam(params, "User"), data: body, expectedVersion: versionFromIfMatch(request) })),
  { action: "users.update", body: userUpdateSchema },
);

// DELETE /api/v1/users/:id – soft-delete a user and end their sessions
export const DELETE = withApi(async ({ actor, params }) => userResponse(await deleteUser({ actor, userId: idParam(params, "User") })), {
  action: "users.delete",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
