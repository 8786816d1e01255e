import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { api } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { uniqueSlug } from "@/tests/support/organizations";
import type { Credentials } from "@/tests/support/route-call";

/** A new user and a browser session of theirs, opened just now: who the route tests call the API as. */
export async function signedInUser(role: GlobalRole = "user") {
  const { user, password } = await createUser({ role });
  return { user, password, as: { cookie: (await sessionCookie(user)).cookie } satisfies Credentials };
}

/** Creates an organization through the API as `as`, failing the test unless it is created; answers its id. */
export async function organizationVia(as: Credentials, name = "Tenant"): Promise<string> {
  const created = await api("POST", "/api/v1/organizations", { as, body: { name, slug: uniqueSlug() } });
  if (created.status !== 201) throw new Error(`POST /api/v1/organizations → ${created.status} ${JSON.stringify(created.body)}`);
  return created.body!.id as string;
}
