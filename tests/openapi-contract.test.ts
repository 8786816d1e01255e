import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
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

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// The webhooks created below point at a closed local port; nothing is delivered during the test.
beforeAll(() => {
  configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
});
afterAll(resetConfigOverrides);

/**
 * The document as clients read it, checked with a validator of its own (ajv, JSON Schema
 * 2020-12) rather than with the zod schemas it was generated from, which would agree with
 * themselves whatever the document says.
 */
let document: Document;
beforeAll(async () => {
  const served = await api("GET", "/api/v1/openapi.json");
  expect(served.status).toBe(200);
  document = served.body as unknown as Document;
});

/**
 * The keywords OpenAPI 3.1 adds to JSON Schema; any other unknown keyword is a mistake.
 * The document's own top-level fields are named too, since ajv reads the whole document
 * as the root its `$ref`s point into.
 */
const openApiKeywords = ["discriminator", "xml", "externalDocs", "example"];
const documentFields = ["openapi", "info", "servers", "paths", "components", "tags", "security", "webhooks", "jsonSchemaDialect"];

function strictValidator(keywords = openApiKeywords) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(keywords);
  return ajv;
}

const pointer = (parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Where every schema of the document sits: components, parameters, request and response bodies. */
function schemaPointers(): string[] {
  const pointers = Object.keys(document.components?.schemas ?? {}).map((name) => pointer(["components", "schemas", name]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      (operation.parameters ?? []).forEach((_, index) =>
        pointers.push(pointer(["paths", path, method, "parameters", String(index), "schema"])),
      );
      for (const media of Object.keys(operation.requestBody?.content ?? {}))
        pointers.push(pointer(["paths", path, method, "requestBody", "content", media, "schema"]));
      for (const [status, response] of Object.entries(operation.responses))
        for (const media of Object.keys(response.content ?? {}))
          pointers.push(pointer(["paths", path, method, "responses", status, "content", media, "schema"]));
    }
  }
  return pointers;
}

function collectPatterns(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectPatterns(item, found));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      if (key === "pattern" && typeof item === "string") found.add(item);
      else collectPatterns(item, found);
    }
  return found;
}

/** For each pattern of the document: a value it must accept and one it must refuse. A new pattern needs its line here. */
const patternExamples: Record<string, [accepted: string, refused: string]> = {
  "^[^\\x00-\\x1F\\x7F-\\x9F]*$": ["Zoë Ağaoğlu – 東京 ✓", "two\nlines"],
  "^[A-Za-z0-9_-]{20,128}$": ["Vd3_kq-9ZxY2mN7pL0aBcD", "too-short"],
  "^[0-9]+$": ["42", "4.2"],
  "^[a-z0-9]+(?:-[a-z0-9]+)*$": ["acme-labs", "acme--labs"],
  "^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$": [`$2b$12$${"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0"}`, "$2b$12$short"],
  "^[A-Za-z0-9_-]+={0,2}$": ["cGFzc2tleQ==", "cGFz c2tleQ"],
  "^[a-z-]{1,32}$": ["hybrid", "USB"],
  "^[a-z][a-z0-9_-]*$": ["cost_centre-2", "Cost"],
};

describe("the served OpenAPI document, read by an independent validator", () => {
  it("has schemas that compile under JSON Schema 2020-12 with known keywords and formats", () => {
    const ajv = strictValidator([...openApiKeywords, ...documentFields]);
    ajv.addSchema(document as object, "openapi");
    const failures: string[] = [];
    const pointers = schemaPointers();
    for (const at of pointers) {
      try {
        if (!ajv.getSchema(`openapi#/${at}`)) failures.push(`${at}: not found`);
      } catch (error) {
        failures.push(`${at}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(pointers.length).toBeGreaterThan(200);
  });

  it("has patterns that are ECMA-262 as JSON Schema reads them, each accepting its example and refusing its counterexample", () => {
    const patterns = [...collectPatterns(document)].sort();
    expect(patterns.filter((pattern) => !(pattern in patternExamples))).toEqual([]);
    const ajv = strictValidator();
    for (const pattern of patterns) {
      const [accepted, refused] = patternExamples[pattern]!;
      const validate = ajv.compile({ type: "string", pattern });
      expect({ pattern, accepted: validate(accepted), refused: validate(refused) }).toEqual({ pattern, accepted: true, refused: false });
    }
  });
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
