import { scimResponse, withScim } from "@/lib/http/with-scim";
import { discoveryList } from "@/lib/scim/discovery";
import { loadScimDiscovery } from "@/lib/services/scim/scim-discovery";

// GET /scim/v2/Schemas – the attributes kept for users and groups, the organization's own included (RFC 7644 §4)
export const GET = withScim(async ({ caller }) => scimResponse(discoveryList((await loadScimDiscovery(caller)).schemas)), {
  action: "scim.discovery",
});
