import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Oracle } from "@/e2e/fuzz/oracle";
import { operationsOf, type Document, type Operation } from "@/e2e/fuzz/openapi";
import { api } from "@/tests/support/api";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import type { Credentials } from "@/tests/support/route-call";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo } from "@/tests/support/mail";
import { createOrganizationFor, uniqueSlug } from "@/tests/support/organizations";
import { servedOpenApiDocument } from "@/tests/support/served-openapi-document";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// The webhooks created below point at a closed local port; nothing is delivered during the test.
beforeAll(() => {
  configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
});
afterAll(resetConfigOverrides);

/** Real answers of the API against the served document. The document's own shape: openapi-document.test.ts. */
let document: Document;
beforeAll(async () => {
  document = await servedOpenApiDocument();
});

type Fixture = {
  admin: Credentials;
  plain: Credentials;
  plainToken: Credentials;
  values: (path: string) => Record<string, string>;
};

/** A superadmin, a plain user, and one of everything the document has a detail page for. */
async function fixture(): Promise<Fixture> {
  const { user } = await createUser({ role: "superadmin" });
  const admin = { cookie: (await sessionCookie(user)).cookie };
  const { user: plainUser } = await createUser();
  const plain = { cookie: (await sessionCookie(plainUser)).cookie };
  const plainToken = { bearer: await personalAccessToken(plainUser) };
  const organization = await createOrganizationFor(actorFor(user));
  const invited = uniqueEmail("invited");
  const created = await api("POST", "/api/v1/users", { as: admin, body: { email: invited, name: "Invited Person", invite: true } });
  const webhook = { url: "http://127.0.0.1:9/hooks", eventTypes: ["member.added"] };
  const globalHook = await api("POST", "/api/v1/webhooks", { as: admin, body: webhook });
  const organizationHook = await api("POST", `/api/v1/organizations/${organization.id}/webhooks`, { as: admin, body: webhook });
  const application = { kind: "web", name: "Contract", redirectUris: ["https://app.example.test/callback"] };
  const globalApplication = await api("POST", "/api/v1/applications", { as: admin, body: application });
  const organizationApplication = await api("POST", `/api/v1/organizations/${organization.id}/applications`, {
    as: admin,
    body: application,
  });
  const group = await api("POST", `/api/v1/organizations/${organization.id}/groups`, { as: admin, body: { name: "Contract" } });
  const attribute = { key: `contract${crypto.randomUUID().slice(0, 8)}`, label: "Contract", type: "text" };
  await api("POST", "/api/v1/attributes", { as: admin, body: attribute });
  await api("POST", `/api/v1/organizations/${organization.id}/attributes`, { as: admin, body: attribute });
  const message = await latestMailTo(invited);
  const id = (path: string) =>
    path.startsWith("/api/v1/organizations/") ? organization.id : path.startsWith("/api/v1/mail/") ? message!.id : String(created.body!.id);
  return {
    admin,
    plain,
    plainToken,
    values: (path) => ({
      id: id(path),
      // The superadmin owns the organization, so is its member.
      userId: user.id,
      webhookId: String((path.startsWith("/api/v1/organizations/") ? organizationHook : globalHook).body!.id),
      key: attribute.key,
      applicationId: String((path.startsWith("/api/v1/organizations/") ? organizationApplication : globalApplication).body!.id),
      groupId: String(group.body!.id),
    }),
  };
}

const answerOf = (answer: Awaited<ReturnType<typeof api>>) => ({
  status: answer.status,
  headers: Object.fromEntries(answer.headers),
  body: Buffer.from(answer.body === null ? "" : JSON.stringify(answer.body)),
  ms: 0,
});

/** An operation's path with its parameters filled in, and the query a download needs to answer JSON. */
function concrete(operation: Operation, values: Record<string, string>): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for {${name}} in ${operation.path}`);
    return values[name]!;
  });
  return operation.path.endsWith("/export") ? `${path}?format=json` : path;
}

describe("real answers of the API, checked against the served document", () => {
  let world: Fixture;
  let oracle: Oracle;
  let operations: Operation[];
  beforeAll(async () => {
    world = await fixture();
    oracle = new Oracle(document, 60_000);
    operations = operationsOf(document);
  });

  const check = async (operation: Operation, path: string, options: Parameters<typeof api>[2] = {}) => {
    const answer = await api(operation.method, path, options);
    return { path, status: answer.status, problems: oracle.check(operation, answerOf(answer), false) };
  };

  it("answers every GET of the document, lists and details, as documented", async () => {
    const gets = operations.filter((operation) => operation.method === "GET");
    expect(gets.length).toBeGreaterThan(30);
    for (const operation of gets) {
      const result = await check(operation, concrete(operation, world.values(operation.path)), { as: world.admin });
      expect(result).toEqual({ path: result.path, status: 200, problems: [] });
    }
  });

  it("answers creations with the documented resource", async () => {
    const post = (path: string) => operations.find((operation) => operation.method === "POST" && operation.path === path)!;
    const creations = [
      [post("/api/v1/users"), "/api/v1/users", { email: uniqueEmail("created"), password: "correct horse battery staple" }],
      [post("/api/v1/organizations"), "/api/v1/organizations", { name: "Contract Labs", slug: uniqueSlug("contract") }],
      [post("/api/v1/users/me/tokens"), "/api/v1/users/me/tokens", { name: "contract", scopes: ["read"], expiresInDays: 30 }],
    ] as const;
    for (const [operation, path, body] of creations) {
      const result = await check(operation, path, { as: world.admin, body });
      expect(result).toEqual({ path, status: 201, problems: [] });
    }
  });

  it("answers refusals and bad input as documented problem documents", async () => {
    const find = (method: string, path: string) => operations.find((operation) => operation.method === method && operation.path === path)!;
    const users = find("GET", "/api/v1/users");
    const user = find("GET", "/api/v1/users/{id}");
    const cases = [
      [users, "/api/v1/users", {}, 401],
      [users, "/api/v1/users", { as: world.plain }, 403],
      [users, "/api/v1/users?limit=nine", { as: world.admin }, 422],
      [user, `/api/v1/users/${crypto.randomUUID()}`, { as: world.admin }, 404],
      [find("POST", "/api/v1/organizations"), "/api/v1/organizations", { as: world.admin, body: { name: "" } }, 422],
      [find("POST", "/api/v1/users"), "/api/v1/users", { as: world.admin, body: "{not json" }, 400],
    ] as const;
    for (const [operation, path, options, status] of cases) {
      const result = await check(operation, path, options);
      expect(result).toEqual({ path, status, problems: [] });
    }
  });

  it("tells a plain user, by session or token, which permission the user list needs (the collection exists)", async () => {
    for (const as of [world.plain, world.plainToken]) {
      for (const path of ["/api/v1/users", "/api/v1/users/export?format=json"]) {
        const answer = await api("GET", path, { as });
        expect({ path, status: answer.status, code: answer.body?.code, detail: answer.body?.detail }).toEqual({
          path,
          status: 403,
          code: "forbidden",
          detail: "You do not have the permission users:read.",
        });
      }
    }
  });
});
