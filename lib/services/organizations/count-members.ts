import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeInstallationRead } from "@/lib/services/stats/rules";

/** How many members each of these organizations has, for the administrators' list of all of them. */
export async function countMembers({ actor, organizationIds }: { actor: Actor; organizationIds: string[] }): Promise<Map<string, number>> {
  authorizeInstallationRead(actor);
  const groups = await db().membership.groupBy({
    by: ["organizationId"],
    where: { organizationId: { in: organizationIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.organizationId, group._count._all]));
}
