import { AppError } from "@/lib/errors";
import { scimResponse, withScim } from "@/lib/http/with-scim";
import { loadScimDiscovery } from "@/lib/services/scim/scim-discovery";

// GET /scim/v2/Schemas/{uri} – one schema, where each schema's meta.location points (RFC 7644 §4)
export const GET = withScim(
  async ({ caller, params }) => {
    const schema = (await loadScimDiscovery(caller)).schemas.find((candidate) => candidate.id === params.uri);
    if (!schema) throw new AppError("not_found", `There is no schema ${String(params.uri)}.`);
    return scimResponse(schema);
  },
  { action: "scim.discovery" },
);
