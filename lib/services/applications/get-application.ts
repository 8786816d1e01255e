import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ApplicationPublic } from "@/lib/schemas/application";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { getAuthorizedApplication, type ApplicationScope } from "@/lib/services/applications/rules";

/** One application of the scope. */
export async function getApplication({
  actor,
  organizationId,
  applicationId,
}: { actor: Actor; applicationId: string } & ApplicationScope): Promise<ApplicationPublic> {
  return toApplicationPublic(await getAuthorizedApplication(undefined, actor, { organizationId }, applicationId));
}
