import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { uniqueEmail, type CreatedUser } from "./users-support";

/**
 * Who may call which users, mail, import, export and installation-wide audit endpoint,
 * and what each caller is answered: the table users-authz.spec.ts walks through.
 */
export type Caller = "anonymous" | "user" | "admin" | "superadmin" | "tokenWithoutScope" | LimitedToken;
/** Personal access tokens limited to one organization, of an admin and of a superadmin, read-only or read-write. */
export type LimitedToken = "adminOrgRead" | "adminOrgReadWrite" | "superadminOrgRead" | "superadminOrgReadWrite";
export const limitedTokens: LimitedToken[] = ["adminOrgRead", "adminOrgReadWrite", "superadminOrgRead", "superadminOrgReadWrite"];
export const callers: Caller[] = ["anonymous", "user", "admin", "superadmin", "tokenWithoutScope", ...limitedTokens];
export type Person = "anonymous" | "user" | "admin" | "superadmin";

export type Row = {
  endpoint: string;
  /** Builds the request against a fresh target user, which the superadmin may prepare (e.g. delete). */
  request: (target: CreatedUser, setup: APIRequestContext) => Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expected: Record<Person, number>;
  /** What a token limited to an organization gets when its scope fits; global endpoints do not exist for it. */
  limited?: number;
};

/**
 * The superadmin's personal access token that lacks the scope the method needs (a
 * write-only token for reads, a read-only one for changes): whatever its user may do,
 * the token never gets past its scope.
 */
export const tokenWithoutScopeAnswers = 403;

/**
 * A token limited to one organization never uses its user's global powers: users,
 * the outbox, import and export do not exist for it (404), whoever its user is. A
 * read-only one is stopped by its scope first on changes (403).
 */
export function limitedTokenAnswer(row: Row, method: string, caller: LimitedToken): number {
  if (method !== "GET" && caller.endsWith("Read")) return 403;
  return row.limited ?? 404;
}

const csv = () => `email,name,role\n${uniqueEmail("import")},Imported,user\n`;
const deleted = async (target: CreatedUser, setup: APIRequestContext) => {
  expect((await setup.delete(`/api/v1/users/${target.id}`)).status()).toBe(200);
};

/** Every users endpoint by caller. */
export const matrix: Row[] = [
  {
    endpoint: "GET /api/v1/users",
    request: async () => ({ path: "/api/v1/users" }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users",
    request: async () => ({ path: "/api/v1/users", body: { email: uniqueEmail(), invite: true } }),
    expected: { anonymous: 401, user: 404, admin: 201, superadmin: 201 },
  },
  {
    endpoint: "GET /api/v1/users/{id}",
    request: async (t) => ({ path: `/api/v1/users/${t.id}` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "PATCH /api/v1/users/{id}",
    request: async (t) => ({ path: `/api/v1/users/${t.id}`, body: { name: "Renamed" } }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "DELETE /api/v1/users/{id}",
    request: async (t) => ({ path: `/api/v1/users/${t.id}` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/{id}/restore",
    request: async (t, setup) => (await deleted(t, setup), { path: `/api/v1/users/${t.id}/restore` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/{id}/purge",
    request: async (t, setup) => (await deleted(t, setup), { path: `/api/v1/users/${t.id}/purge` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  ...(["disable", "enable", "unlock"] as const).map((action) => ({
    endpoint: `POST /api/v1/users/{id}/${action}`,
    request: async (t: CreatedUser) => ({ path: `/api/v1/users/${t.id}/${action}` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  })),
  {
    endpoint: "POST /api/v1/users/{id}/sessions/revoke",
    request: async (t) => ({ path: `/api/v1/users/${t.id}/sessions/revoke` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/{id}/mfa/reset",
    request: async (t) => ({ path: `/api/v1/users/${t.id}/mfa/reset` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "POST /api/v1/users/import",
    request: async () => ({ path: "/api/v1/users/import", body: csv(), headers: { "content-type": "text/csv" } }),
    expected: { anonymous: 401, user: 404, admin: 201, superadmin: 201 },
  },
  {
    endpoint: "GET /api/v1/users/export",
    request: async () => ({ path: "/api/v1/users/export" }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "GET /api/v1/users/me",
    request: async () => ({ path: "/api/v1/users/me" }),
    expected: { anonymous: 401, user: 200, admin: 200, superadmin: 200 },
    limited: 200,
  },
  {
    endpoint: "PATCH /api/v1/users/me",
    request: async () => ({ path: "/api/v1/users/me", body: { name: "Me" } }),
    expected: { anonymous: 401, user: 200, admin: 200, superadmin: 200 },
    limited: 200,
  },
  {
    endpoint: "GET /api/v1/users/me/mfa",
    request: async () => ({ path: "/api/v1/users/me/mfa" }),
    expected: { anonymous: 401, user: 200, admin: 200, superadmin: 200 },
    limited: 200,
  },
  {
    // Second factors belong to the whole account, which a token limited to one organization does not speak for.
    endpoint: "POST /api/v1/users/me/mfa/totp",
    request: async () => ({ path: "/api/v1/users/me/mfa/totp" }),
    expected: { anonymous: 401, user: 201, admin: 201, superadmin: 201 },
    limited: 403,
  },
  {
    endpoint: "GET /api/v1/users/{id}/tokens",
    request: async (t) => ({ path: `/api/v1/users/${t.id}/tokens` }),
    expected: { anonymous: 401, user: 404, admin: 200, superadmin: 200 },
  },
  {
    endpoint: "DELETE /api/v1/users/{id}/tokens/{tokenId}",
    request: async (t) => ({ path: `/api/v1/users/${t.id}/tokens/${await insertToken(t.id)}` }),
    expected: { anonymous: 401, user: 404, admin: 204, superadmin: 204 },
  },
  // The installation's audit log is for global administrators; a token limited to one
  // organization is refused even when its user is one, and reads that organization's log instead.
  ...["/api/v1/audit-events", "/api/v1/audit-events/export"].map((path) => ({
    endpoint: `GET ${path}`,
    request: async () => ({ path }),
    expected: { anonymous: 401, user: 403, admin: 200, superadmin: 200 },
    limited: 403,
  })),
  {
    endpoint: "GET /api/v1/mail/outbox",
    request: async () => ({ path: "/api/v1/mail/outbox" }),
    expected: { anonymous: 401, user: 404, admin: 404, superadmin: 200 },
  },
  {
    endpoint: "GET /api/v1/mail/outbox/{id}",
    request: async (_t, setup) => ({ path: `/api/v1/mail/outbox/${await newestMessageId(setup)}` }),
    expected: { anonymous: 401, user: 404, admin: 404, superadmin: 200 },
  },
];

/** A token row of the user straight in the database: invited targets cannot sign in to make one. */
async function insertToken(userId: string): Promise<string> {
  const id = randomUUID();
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, scopes) VALUES ($1, $2, 'matrix', 'umt_matrix', $3, '{read}')",
      [id, userId, `matrix-${id}`],
    );
  } finally {
    await client.end();
  }
  return id;
}

async function newestMessageId(setup: APIRequestContext): Promise<string> {
  const list = (await (await setup.get("/api/v1/mail/outbox?limit=1")).json()) as { data: { id: string }[] };
  expect(list.data.length, "the invitations have put mail in the outbox").toBe(1);
  return list.data[0]!.id;
}
