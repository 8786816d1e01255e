import "server-only";
import { navigationFor } from "@/components/shell/navigation";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";
import { mayCreateOrganizations } from "@/lib/services/organizations/may-create-organizations";
import { getCurrentUser } from "@/lib/services/users/get-current-user";
import { requireSessionActor } from "@/lib/session/require-session-actor";

/**
 * What the frame of every signed-in page shows: the user, the areas they may open, and
 * the organizations for the switcher. It checks the session against the database, so a
 * revoked session never sees a page. A superadmin's list is every organization, so the
 * switcher keeps to the first page; /admin/organizations has them all.
 */
export async function loadShell() {
  const actor = await requireSessionActor();
  const [user, organizations] = await Promise.all([getCurrentUser({ actor }), listOrganizations({ actor, query: { limit: 50 } })]);
  return {
    user: { name: user.name, email: user.email },
    navigation: navigationFor(actor),
    organizations: organizations.data.map(({ slug, name }) => ({ slug, name })),
    canCreateOrganizations: mayCreateOrganizations(actor),
  };
}

export type ShellData = Awaited<ReturnType<typeof loadShell>>;
