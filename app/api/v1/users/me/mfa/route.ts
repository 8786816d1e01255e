import { withApi } from "@/lib/http/with-api";
import { findOwnFactors } from "@/lib/services/mfa/find-own-factors";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/me/mfa – the caller's second factors and how many recovery codes remain
export const GET = withApi(async ({ actor }) => Response.json(await findOwnFactors({ actor })), { action: "me.factors.read" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
