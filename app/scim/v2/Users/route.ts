import { scimResponse, withScim } from "@/lib/http/with-scim";
import { scimUserInputSchema } from "@/lib/schemas/scim";
import { listResponse } from "@/lib/scim/list-response";
import { parseListQuery } from "@/lib/scim/list-query";
import { resourceResponse } from "@/lib/http/scim-resource-response";
import { createScimUser } from "@/lib/services/scim/create-scim-user";
import { listScimUsers } from "@/lib/services/scim/list-scim-users";

// GET /scim/v2/Users – the organization's provisioned users (filter, startIndex/count, attributes)
export const GET = withScim(
  async ({ caller, search }) => {
    const query = parseListQuery(search);
    return scimResponse(listResponse(query, await listScimUsers({ caller, query })));
  },
  { action: "scim.users.read" },
);

// POST /scim/v2/Users – provision a user into the token's organization, or link the existing account with its email
export const POST = withScim(
  async ({ caller, body, search }) =>
    resourceResponse(await createScimUser({ caller, input: scimUserInputSchema.parse(body) }), search, 201),
  { action: "scim.users.create" },
);
