import { scimResponse, withScim } from "@/lib/http/with-scim";
import { discoveryList, schemas } from "@/lib/scim/discovery";

// GET /scim/v2/Schemas – the attributes kept for users and groups (RFC 7644 §4)
export const GET = withScim(async () => scimResponse(discoveryList(schemas)), { action: "scim.discovery" });
