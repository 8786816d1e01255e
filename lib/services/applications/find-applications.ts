import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApplicationPublic } from "@/lib/schemas/application";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { authorizeApplicationScope, type ApplicationScope } from "@/lib/services/applications/rules";

/** The applications of one scope (global, or one organization), oldest first; a handful per scope, so no paging. */
export async function findApplications({ actor, organizationId }: { actor: Actor } & ApplicationScope): Promise<ApplicationPublic[]> {
  await authorizeApplicationScope(undefined, actor, { organizationId });
  const applications = await db().application.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  return applications.map(toApplicationPublic);
}
