import { scimResponse, withScim } from "@/lib/http/with-scim";
import { scimGroupInputSchema } from "@/lib/schemas/scim";
import { listResponse } from "@/lib/scim/list-response";
import { parseListQuery } from "@/lib/scim/list-query";
import { resourceResponse } from "@/lib/http/scim-resource-response";
import { createScimGroup } from "@/lib/services/scim/create-scim-group";
import { listScimGroups } from "@/lib/services/scim/list-scim-groups";

// GET /scim/v2/Groups – the organization's groups (filter, startIndex/count, sortBy, attributes)
export const GET = withScim(
  async ({ caller, search }) => {
    const query = parseListQuery(search);
    return scimResponse(listResponse(query, await listScimGroups({ caller, query })));
  },
  { action: "scim.groups.read" },
);

// POST /scim/v2/Groups – create a group granting nothing until an owner maps it to roles
export const POST = withScim(
  async ({ caller, body, search }) =>
    resourceResponse(await createScimGroup({ caller, input: scimGroupInputSchema.parse(body) }), search, 201),
  { action: "scim.groups.create" },
);
