import { scimResponse, withScim } from "@/lib/http/with-scim";
import { discoveryList, resourceTypes } from "@/lib/scim/discovery";

// GET /scim/v2/ResourceTypes – User and Group (RFC 7644 §4)
export const GET = withScim(async () => scimResponse(discoveryList(resourceTypes)), { action: "scim.discovery" });
