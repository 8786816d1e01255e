import { withApi } from "@/lib/http/with-api";
import { getCurrentUser } from "@/lib/services/users/get-current-user";

// GET /api/v1/users/me – the signed-in user
export const GET = withApi(async ({ actor }) => Response.json(await getCurrentUser({ actor })));
