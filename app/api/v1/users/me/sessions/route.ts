import { withApi } from "@/lib/http/with-api";
import { findOwnSessions } from "@/lib/services/sessions/find-own-sessions";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/me/sessions – the caller's signed-in browsers and API clients
export const GET = withApi(async ({ actor }) => Response.json({ data: await findOwnSessions({ actor }) }), { action: "me.sessions.read" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
