import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ApiScope } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { createUser as createManagedUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { api, loadRoutes } from "@/tests/support/api";
import { signedInUser } from "@/tests/support/api-callers";
import { methodOf } from "@/tests/support/authz-matrix";
import {
  expectedUserAnswer,
  limitedTokens,
  userCallers,
  userMatrix,
  type LimitedToken,
  type Person,
  type UserCaller,
  type UserRow,
  type UserScene,
} from "@/tests/support/user-authz-matrix";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { actorFor, freshSessionActor, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import type { Credentials } from "@/tests/support/route-call";

type Signed = Awaited<ReturnType<typeof signedInUser>>;
const tokens = {} as Record<LimitedToken, Credentials>;
const tokenWithout = {} as Record<"read" | "write", Credentials>;
const signedIn = {} as Record<Exclude<Person, "anonymous">, Signed["user"]>;
let superadmin: Signed;
let superadminActor: Actor;
let messageId: string;

/** A personal access token of `owner`, limited to an organization the owner makes for it. */
async function limitedTokenOf(owner: Signed, scopes: ApiScope[]): Promise<Credentials> {
  const organization = await createOrganizationFor(actorFor(owner.user), "Token home");
  return { bearer: await personalAccessToken(owner.user, { scopes, organizationId: organization.id }) };
}

beforeAll(async () => {
  await loadRoutes();
  superadmin = await signedInUser("superadmin");
  superadminActor = await freshSessionActor(superadmin.user);
  const admin = await signedInUser("admin");
  const owners: Record<LimitedToken, [Signed, ApiScope[]]> = {
    adminOrgRead: [admin, ["read"]],
    adminOrgReadWrite: [admin, ["read", "write"]],
    superadminOrgRead: [superadmin, ["read"]],
    superadminOrgReadWrite: [superadmin, ["read", "write"]],
  };
  Object.assign(signedIn, { user: (await signedInUser()).user, admin: admin.user, superadmin: superadmin.user });
  for (const caller of limitedTokens) tokens[caller] = await limitedTokenOf(...owners[caller]);
  // The superadmin's tokens that lack the scope a method needs: write-only for reads, read-only for changes.
  tokenWithout.read = { bearer: await personalAccessToken(superadmin.user, { scopes: ["write"] }) };
  tokenWithout.write = { bearer: await personalAccessToken(superadmin.user, { scopes: ["read"] }) };
  // Invited targets put mail in the outbox; one is enough for the message row.
  await newTarget(false);
  messageId = (await db().mailMessage.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } })).id;
});

/** A fresh invited user (no password to hash), with a token of theirs, deleted first when the row acts on deleted users. */
async function newTarget(deleted: boolean | undefined): Promise<UserScene> {
  const target = await createManagedUser({ actor: superadminActor, data: { email: uniqueEmail("target"), role: "user", invite: true } });
  if (deleted) await deleteUser({ actor: superadminActor, userId: target.id });
  const token = await db().apiToken.create({
    data: { userId: target.id, name: "matrix", prefix: "umt_matrix", tokenHash: `matrix-${target.id}`, scopes: ["read"] },
  });
  return { targetId: target.id, tokenId: token.id, messageId };
}

const isLimitedToken = (caller: UserCaller): caller is LimitedToken => (limitedTokens as readonly string[]).includes(caller);

/**
 * The caller's credentials for one cell: for a person, a session opened just now (one of
 * the file's start would, on a slow run, be older than the step-up window by the last cells).
 */
async function credentialsOf(row: UserRow, caller: UserCaller): Promise<Credentials> {
  if (caller === "tokenWithoutScope") return tokenWithout[methodOf(row) === "GET" ? "read" : "write"];
  if (isLimitedToken(caller)) return tokens[caller];
  if (caller === "anonymous") return {};
  return { cookie: (await sessionCookie(signedIn[caller])).cookie };
}

// Every cell acts on a target of its own, so what one cell changes no other sees, and the
// cells may run at the same time.
describe.concurrent.each(userMatrix)("$endpoint", (row) => {
  it.each(userCallers)("answers %s as the matrix says", async (caller) => {
    const { method, path, body, headers } = row.request(await newTarget(row.targetDeleted));
    const answer = await api(method, path, { as: await credentialsOf(row, caller), body, headers });
    expect({ caller, status: answer.status }, JSON.stringify(answer.body)).toEqual({ caller, status: expectedUserAnswer(row, caller) });
    if (answer.status >= 400) expect(answer.headers.get("content-type")).toBe("application/problem+json");
    // Refused for what the token is, not for what its user may do.
    if (caller === "tokenWithoutScope") expect(answer.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    if (isLimitedToken(caller) && answer.status === 403) expect(answer.body?.code).toBe("organization_token_refused");
  });
});

it("admins cannot act on superadmins or create one; superadmins can", async () => {
  const admin = await signedInUser("admin");
  const other = await createManagedUser({
    actor: superadminActor,
    data: { email: uniqueEmail("superadmin"), role: "superadmin", invite: true },
  });
  for (const action of ["disable", "unlock", "sessions/revoke"]) {
    expect((await api("POST", `/api/v1/users/${other.id}/${action}`, { as: admin.as })).status, action).toBe(403);
  }
  expect((await api("PATCH", `/api/v1/users/${other.id}`, { as: admin.as, body: { name: "x" } })).status).toBe(403);
  expect((await api("DELETE", `/api/v1/users/${other.id}`, { as: admin.as })).status).toBe(403);
  const newSuperadmin = { email: uniqueEmail(), invite: true, role: "superadmin" };
  expect((await api("POST", "/api/v1/users", { as: admin.as, body: newSuperadmin })).status).toBe(403);
  const superadminNow = { cookie: (await sessionCookie(superadmin.user)).cookie };
  expect((await api("PATCH", `/api/v1/users/${other.id}`, { as: superadminNow, body: { role: "admin" } })).status).toBe(200);
});
