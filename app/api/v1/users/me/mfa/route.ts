import { withApi } from "@/lib/http/with-api";
import { findOwnFactors } from "@/lib/services/mfa/find-own-factors";

// GET /api/v1/users/me/mfa – the caller's second factors and how many recovery codes remain
export const GET = withApi(async ({ actor }) => Response.json(await findOwnFactors({ actor })), { action: "me.factors.read" });
