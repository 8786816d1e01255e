import { withApi } from "@/lib/http/with-api";
import { findFactorSummary } from "@/lib/services/mfa/find-factors";

// GET /api/v1/users/me/mfa – the caller's second factors and how many recovery codes remain
export const GET = withApi(async ({ actor }) => Response.json(await findFactorSummary(actor.userId)), { beforeSecondFactor: true });
