import { withApi } from "@/lib/http/with-api";
import { regenerateRecoveryCodes } from "@/lib/services/mfa/regenerate-recovery-codes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/mfa/recovery-codes – replace the caller's recovery codes; the new ones are shown once
export const POST = withApi(
  async ({ actor }) => Response.json(await regenerateRecoveryCodes({ actor }), { headers: { "cache-control": "no-store" } }),
  { action: "me.recovery-codes.replace" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
