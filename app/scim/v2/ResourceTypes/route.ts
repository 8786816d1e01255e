import { scimResponse, withScim } from "@/lib/http/with-scim";
import { discoveryList } from "@/lib/scim/discovery";
import { loadScimDiscovery } from "@/lib/services/scim/scim-discovery";

// GET /scim/v2/ResourceTypes – User and Group (RFC 7644 §4)
export const GET = withScim(async ({ caller }) => scimResponse(discoveryList((await loadScimDiscovery(caller)).resourceTypes)), {
  action: "scim.discovery",
});
