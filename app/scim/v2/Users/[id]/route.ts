import { AppError } from "@/lib/errors";
import { parseSearchRequest } from "@/lib/scim/list-query";
import { listResponse } from "@/lib/scim/list-response";
import { listScimUsers } from "@/lib/services/scim/list-scim-users";
import { scimResponse, withScim } from "@/lib/http/with-scim";
import { routeParam } from "@/lib/http/route-params";
import { scimUserInputSchema } from "@/lib/schemas/scim";
import { patchRequestSchema } from "@/lib/scim/patch";
import { ifMatchOf, notModified, resourceResponse } from "@/lib/http/scim-resource-response";
import { deleteScimUser } from "@/lib/services/scim/delete-scim-user";
import { getScimUser } from "@/lib/services/scim/get-scim-user";
import { patchScimUser } from "@/lib/services/scim/patch-scim-user";
import { replaceScimUser } from "@/lib/services/scim/replace-scim-user";

// GET /scim/v2/Users/:id – one provisioned user (304 when If-None-Match names its version)
export const GET = withScim(
  async ({ request, caller, params, search }) => {
    const resource = await getScimUser({ caller, userId: routeParam(params, "id") });
    return notModified(request, resource) ?? resourceResponse(resource, search);
  },
  { action: "scim.users.read" },
);

// PUT /scim/v2/Users/:id – replace the user's attributes (If-Match honoured)
export const PUT = withScim(
  async ({ request, caller, params, body, search }) =>
    resourceResponse(
      await replaceScimUser({
        caller,
        userId: routeParam(params, "id"),
        input: scimUserInputSchema.parse(body),
        expectedVersion: ifMatchOf(request),
      }),
      search,
    ),
  { action: "scim.users.replace" },
);

// PATCH /scim/v2/Users/:id – add, replace or remove attributes, as Entra ID and Okta send them (If-Match honoured)
export const PATCH = withScim(
  async ({ request, caller, params, body, search }) =>
    resourceResponse(
      await patchScimUser({
        caller,
        userId: routeParam(params, "id"),
        patch: patchRequestSchema.parse(body),
        expectedVersion: ifMatchOf(request),
      }),
      search,
    ),
  { action: "scim.users.patch" },
);

// DELETE /scim/v2/Users/:id – deprovision: the membership and the directory's record end
export const DELETE = withScim(
  async ({ request, caller, params }) => {
    await deleteScimUser({ caller, userId: routeParam(params, "id"), expectedVersion: ifMatchOf(request) });
    return new Response(null, { status: 204 });
  },
  { action: "scim.users.delete" },
);

// POST /scim/v2/Users/.search – the list, its query sent in a SearchRequest body (RFC 7644 §3.4.3)
export const POST = withScim(
  async ({ caller, params, body }) => {
    if (routeParam(params, "id") !== ".search") {
      throw new AppError("method_not_allowed", "POST is for /Users/.search; a user is replaced with PUT or changed with PATCH.");
    }
    const query = parseSearchRequest(body);
    return scimResponse(listResponse(query, await listScimUsers({ caller, query })));
  },
  { action: "scim.users.read" },
);
