import { withApi } from "@/lib/http/with-api";
import { findOwnSessions } from "@/lib/services/sessions/find-own-sessions";

// GET /api/v1/users/me/sessions – the caller's signed-in browsers and API clients
export const GET = withApi(async ({ actor }) => Response.json({ data: await findOwnSessions({ actor }) }), { action: "me.sessions.read" });
