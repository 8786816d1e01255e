import "server-only";
import { cache } from "react";
import { requireSessionActor, shownOrNotFound } from "@/lib/session/require-session-actor";
import { getOrganization } from "@/lib/services/organizations/get-organization";

/**
 * The signed-in caller and the organization behind a page's slug; 404 when it cannot see
 * it. Cached for the request, so the layout and its page load the organization once.
 */
export const loadOrganization = cache(async (slug: string) => {
  const actor = await requireSessionActor();
  const view = await shownOrNotFound(getOrganization({ actor, slug }));
  return { actor, ...view, can: (permission: (typeof view.permissions)[number]) => view.permissions.includes(permission) };
});
