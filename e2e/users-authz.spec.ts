import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin as adminCredentials } from "./support";
import {
  callers,
  limitedTokenAnswer,
  limitedTokens,
  matrix,
  tokenWithoutScopeAnswers,
  type Caller,
  type LimitedToken,
  type Person,
} from "./users-authz-matrix";
import { createUserViaApi, signedInAs, uniqueEmail } from "./users-support";

type Signed = { request: APIRequestContext; password: string };

/** A personal access token of `owner`, limited to an organization the owner creates for it. */
async function limitedTokenOf(
  owner: Signed,
  scopes: string[],
  playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
) {
  const organization = await owner.request.post("/api/v1/organizations", {
    data: { name: "Token home", slug: `home-${randomUUID().slice(0, 13)}` },
  });
  expect(organization.status()).toBe(201);
  const { id } = (await organization.json()) as { id: string };
  const created = await owner.request.post("/api/v1/users/me/tokens", {
    data: { name: `org ${scopes.join("+")}`, scopes, organizationId: id, expiresInDays: 1, password: owner.password },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  return playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

test("every users, mail, import, export and global audit endpoint answers each kind of caller as the matrix says", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(600_000);
  const superadmin = await signedInAs(browser);
  const admin = await createUserViaApi(superadmin.request, "admin", undefined, true);
  const user = await createUserViaApi(superadmin.request, "user", undefined, true);
  const adminSession = (await signedInAs(browser, admin.email, admin.password)).request;
  const requests: Record<Exclude<Caller, "tokenWithoutScope">, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL }),
    user: (await signedInAs(browser, user.email, user.password)).request,
    admin: adminSession,
    superadmin: superadmin.request,
    adminOrgRead: await limitedTokenOf({ request: adminSession, password: admin.password }, ["read"], playwright),
    adminOrgReadWrite: await limitedTokenOf({ request: adminSession, password: admin.password }, ["read", "write"], playwright),
    superadminOrgRead: await limitedTokenOf({ request: superadmin.request, password: adminCredentials.password }, ["read"], playwright),
    superadminOrgReadWrite: await limitedTokenOf(
      { request: superadmin.request, password: adminCredentials.password },
      ["read", "write"],
      playwright,
    ),
  };
  const tokenWith = async (scope: "read" | "write") => {
    const created = await superadmin.request.post("/api/v1/users/me/tokens", {
      data: { name: `only ${scope}`, scopes: [scope], expiresInDays: 1, password: adminCredentials.password },
    });
    expect(created.status()).toBe(201);
    return playwright.request.newContext({
      baseURL: process.env.E2E_BASE_URL,
      extraHTTPHeaders: { authorization: `Bearer ${((await created.json()) as { token: string }).token}` },
    });
  };
  const [readOnlyToken, writeOnlyToken] = [await tokenWith("read"), await tokenWith("write")];

  const mismatches: string[] = [];
  for (const row of matrix) {
    const [method] = row.endpoint.split(" ") as [string];
    for (const caller of callers) {
      const target = await createUserViaApi(superadmin.request);
      const { path, body, headers } = await row.request(target, superadmin.request);
      const client = caller !== "tokenWithoutScope" ? requests[caller] : method === "GET" ? writeOnlyToken : readOnlyToken;
      const expected =
        caller === "tokenWithoutScope"
          ? tokenWithoutScopeAnswers
          : limitedTokens.includes(caller as LimitedToken)
            ? limitedTokenAnswer(row, method, caller as LimitedToken)
            : row.expected[caller as Person];
      const response = await client.fetch(path, { method, data: body, headers });
      if (response.status() !== expected) {
        mismatches.push(`${row.endpoint} as ${caller}: ${response.status()} (expected ${expected})`);
      }
      if (response.status() >= 400) expect(response.headers()["content-type"]).toBe("application/problem+json");
    }
  }
  expect(mismatches).toEqual([]);
});

test("admins cannot act on superadmins or create one; superadmins can", async ({ browser }) => {
  const superadmin = await signedInAs(browser);
  const adminUser = await createUserViaApi(superadmin.request, "admin", undefined, true);
  const other = await createUserViaApi(superadmin.request, "superadmin");
  const admin = await signedInAs(browser, adminUser.email, adminUser.password);
  for (const action of ["disable", "unlock", "sessions/revoke"]) {
    expect((await admin.request.post(`/api/v1/users/${other.id}/${action}`)).status()).toBe(403);
  }
  expect((await admin.request.patch(`/api/v1/users/${other.id}`, { data: { name: "x" } })).status()).toBe(403);
  expect((await admin.request.delete(`/api/v1/users/${other.id}`)).status()).toBe(403);
  expect((await admin.request.post("/api/v1/users", { data: { email: uniqueEmail(), invite: true, role: "superadmin" } })).status()).toBe(
    403,
  );
  expect((await superadmin.request.patch(`/api/v1/users/${other.id}`, { data: { role: "admin" } })).status()).toBe(200);
});
