import { AppError } from "@/lib/errors";
import { scimResponse, withScim } from "@/lib/http/with-scim";
import { loadScimDiscovery } from "@/lib/services/scim/scim-discovery";

// GET /scim/v2/ResourceTypes/{id} – User or Group, where each one's meta.location points (RFC 7644 §4)
export const GET = withScim(
  async ({ caller, params }) => {
    const resourceType = (await loadScimDiscovery(caller)).resourceTypes.find((candidate) => candidate.id === params.id);
    if (!resourceType) throw new AppError("not_found", `There is no resource type ${String(params.id)}.`);
    return scimResponse(resourceType);
  },
  { action: "scim.discovery" },
);
