import { byCaller, methodOf, type MatrixRequest } from "@/tests/support/authz-matrix";
import { uniqueEmail } from "@/tests/support/unique-email";

/**
 * Who may call the users, mail, import, export and installation audit endpoints, and what
 * each kind of caller is answered (tests/api/users-authz.test.ts).
 */

/** Personal access tokens limited to one organization, of an admin and of a superadmin, read-only or read-write. */
export const limitedTokens = ["adminOrgRead", "adminOrgReadWrite", "superadminOrgRead", "superadminOrgReadWrite"] as const;
export type LimitedToken = (typeof limitedTokens)[number];
export const people = ["anonymous", "user", "admin", "superadmin"] as const;
export type Person = (typeof people)[number];
export const userCallers = [...people, "tokenWithoutScope", ...limitedTokens] as const;
export type UserCaller = (typeof userCallers)[number];

/** A fresh user the call acts on (invited, so with no password), one API token of theirs, and a message in the outbox. */
export type UserScene = { targetId: string; tokenId: string; messageId: string };

export type UserRow = {
  endpoint: string;
  request: (scene: UserScene) => MatrixRequest;
  /** The target is deleted before the call (restore and purge act on deleted users only). */
  targetDeleted?: boolean;
  expected: Record<Person, number>;
  /** What a token limited to an organization gets when its scope fits; it is refused everywhere else. */
  limited?: number;
};

/**
 * The superadmin's personal access token that lacks the scope the method needs (a
 * write-only token for reads, a read-only one for changes): whatever its user may do,
 * the token never gets past its scope.
 */
export const tokenWithoutScopeAnswer = 403;

/**
 * A token limited to one organization never uses its user's global powers nor speaks
 * for the whole account: users, the outbox, import, export, the installation's audit
 * log and the account's own settings refuse it at the door (403,
 * organization_token_refused), whoever its user is. A read-only one is stopped on
 * changes in any case. Reading whose token it is (`limited`) is all it may do here.
 */
export function limitedTokenAnswer(row: UserRow, caller: LimitedToken): number {
  if (methodOf(row) !== "GET" && caller.endsWith("Read")) return 403;
  return row.limited ?? 403;
}

/** The status a caller of any kind is answered on a row. */
export function expectedUserAnswer(row: UserRow, caller: UserCaller): number {
  if (caller === "tokenWithoutScope") return tokenWithoutScopeAnswer;
  if ((limitedTokens as readonly string[]).includes(caller)) return limitedTokenAnswer(row, caller as LimitedToken);
  return row.expected[caller as Person];
}

// A caller who lacks the global permission an action names is refused at the door with
// 403, naming it: the collection exists, and nothing is looked up (docs/security.md).
//                            anonymous user admin superadmin
const administrators = [401, 403, 200, 200];
const administratorsCreate = [401, 403, 201, 201];
const anyoneSignedIn = [401, 200, 200, 200];
const superadminsOnly = [401, 403, 403, 200];

const userRow = (
  endpoint: string,
  request: (scene: UserScene) => Omit<MatrixRequest, "method">,
  statuses: number[],
  extra: Pick<UserRow, "targetDeleted" | "limited"> = {},
): UserRow => ({
  endpoint,
  request: (scene) => ({ method: endpoint.split(" ")[0]!, ...request(scene) }),
  expected: byCaller(people, statuses),
  ...extra,
});

const user = (s: UserScene) => `/api/v1/users/${s.targetId}`;
const importCsv = () => `email,name,role\n${uniqueEmail("import")},Imported,user\n`;

/** Every users endpoint by caller. */
export const userMatrix: UserRow[] = [
  userRow("GET /api/v1/users", () => ({ path: "/api/v1/users" }), administrators),
  userRow(
    "POST /api/v1/users",
    () => ({ path: "/api/v1/users", body: { email: uniqueEmail("user"), invite: true } }),
    administratorsCreate,
  ),
  userRow("GET /api/v1/users/{id}", (s) => ({ path: user(s) }), administrators),
  userRow("PATCH /api/v1/users/{id}", (s) => ({ path: user(s), body: { name: "Renamed" } }), administrators),
  userRow("DELETE /api/v1/users/{id}", (s) => ({ path: user(s) }), administrators),
  userRow("POST /api/v1/users/{id}/restore", (s) => ({ path: `${user(s)}/restore` }), administrators, { targetDeleted: true }),
  userRow("POST /api/v1/users/{id}/purge", (s) => ({ path: `${user(s)}/purge` }), administrators, { targetDeleted: true }),
  ...(["disable", "enable", "unlock"] as const).map((action) =>
    userRow(`POST /api/v1/users/{id}/${action}`, (s) => ({ path: `${user(s)}/${action}` }), administrators),
  ),
  userRow("POST /api/v1/users/{id}/sessions/revoke", (s) => ({ path: `${user(s)}/sessions/revoke` }), administrators),
  userRow("POST /api/v1/users/{id}/mfa/reset", (s) => ({ path: `${user(s)}/mfa/reset` }), administrators),
  userRow(
    "POST /api/v1/users/import",
    () => ({ path: "/api/v1/users/import", body: importCsv(), headers: { "content-type": "text/csv" } }),
    administratorsCreate,
  ),
  userRow("GET /api/v1/users/export", () => ({ path: "/api/v1/users/export" }), administrators),
  userRow("GET /api/v1/users/me", () => ({ path: "/api/v1/users/me" }), anyoneSignedIn, { limited: 200 }),
  userRow("PATCH /api/v1/users/me", () => ({ path: "/api/v1/users/me", body: { name: "Me" } }), anyoneSignedIn),
  // Second factors belong to the whole account, which a token limited to one organization does not speak for.
  userRow("GET /api/v1/users/me/mfa", () => ({ path: "/api/v1/users/me/mfa" }), anyoneSignedIn),
  userRow("POST /api/v1/users/me/mfa/totp", () => ({ path: "/api/v1/users/me/mfa/totp" }), [401, 201, 201, 201]),
  userRow("GET /api/v1/users/{id}/tokens", (s) => ({ path: `${user(s)}/tokens` }), administrators),
  userRow("DELETE /api/v1/users/{id}/tokens/{tokenId}", (s) => ({ path: `${user(s)}/tokens/${s.tokenId}` }), [401, 403, 204, 204]),
  // The installation's audit log is for global administrators; a token limited to one
  // organization is refused even when its user is one, and reads that organization's log instead.
  ...["/api/v1/audit-events", "/api/v1/audit-events/export"].map((path) => userRow(`GET ${path}`, () => ({ path }), [401, 403, 200, 200])),
  userRow("GET /api/v1/mail/outbox", () => ({ path: "/api/v1/mail/outbox" }), superadminsOnly),
  userRow("GET /api/v1/mail/outbox/{id}", (s) => ({ path: `/api/v1/mail/outbox/${s.messageId}` }), superadminsOnly),
];
