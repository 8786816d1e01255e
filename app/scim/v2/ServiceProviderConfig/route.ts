import { scimResponse, withScim } from "@/lib/http/with-scim";
import { serviceProviderConfig } from "@/lib/scim/discovery";

// GET /scim/v2/ServiceProviderConfig – what this server supports (RFC 7644 §4)
export const GET = withScim(async () => scimResponse(serviceProviderConfig), { action: "scim.discovery" });
