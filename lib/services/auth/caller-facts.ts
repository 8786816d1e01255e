import "server-only";
import type { GlobalRole } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What deciding about a caller needs to know of its user, in the columns every caller
 * query below selects: whether the user may act at all, and the facts of the
 * second-factor policy (a confirmed factor; membership of an organization that asks for one).
 */
export type UserFacts = {
  userId: string;
  email: string;
  role: GlobalRole;
  status: "active" | "disabled";
  deletedAt: Date | null;
  hasFactor: boolean;
  organizationRequiresFactor: boolean;
};

const userFactsColumns = Prisma.sql`
  u.id::text AS "userId", u.email, u.role::text AS role, u.status::text AS status, u.deleted_at AS "deletedAt",
  EXISTS (SELECT 1 FROM mfa_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS "hasFactor",
  EXISTS (
    SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.organization_id
    WHERE m.user_id = u.id AND o.mfa_required AND o.deleted_at IS NULL
  ) AS "organizationRequiresFactor"`;

export const mayAct = (user: Pick<UserFacts, "status" | "deletedAt">) => user.status === "active" && !user.deletedAt;

export type SessionCaller = UserFacts & {
  sessionId: string;
  kind: "browser" | "api";
  expires: Date;
  lastSeenAt: Date;
  createdAt: Date;
  impersonator: { id: string; email: string; role: GlobalRole; status: UserFacts["status"]; deletedAt: Date | null } | null;
};

type SessionRow = Omit<SessionCaller, "impersonator"> & {
  impersonatorId: string | null;
  impersonatorEmail: string | null;
  impersonatorRole: GlobalRole | null;
  impersonatorStatus: UserFacts["status"] | null;
  impersonatorDeletedAt: Date | null;
};

/**
 * Resolving a caller runs on every request, so each kind of credential is one query
 * that joins its user and the policy facts: one round trip, where loading the same
 * through relations took five.
 */
async function sessionCaller(condition: Prisma.Sql): Promise<SessionCaller | null> {
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s.id::text AS "sessionId", s.kind::text AS kind, s.expires, s.last_seen_at AS "lastSeenAt", s.created_at AS "createdAt",
      i.id::text AS "impersonatorId", i.email AS "impersonatorEmail", i.role::text AS "impersonatorRole", i.status::text AS "impersonatorStatus",
      i.deleted_at AS "impersonatorDeletedAt", ${userFactsColumns}
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN users i ON i.id = s.impersonator_id
    WHERE ${condition}`;
  if (!row) return null;
  const { impersonatorId, impersonatorEmail, impersonatorRole, impersonatorStatus, impersonatorDeletedAt, ...session } = row;
  const impersonator =
    impersonatorId === null
      ? null
      : {
          id: impersonatorId,
          email: impersonatorEmail!,
          role: impersonatorRole!,
          status: impersonatorStatus!,
          deletedAt: impersonatorDeletedAt,
        };
  return { ...session, impersonator };
}

/** The browser or API session with this stored token digest, with its user. */
export const findSessionCallerByToken = (tokenHash: string) => sessionCaller(Prisma.sql`s.session_token = ${tokenHash}`);

/** The session an OAuth access token names, if it still belongs to the token's user. */
export const findSessionCallerById = (sessionId: string, userId: string) =>
  sessionCaller(Prisma.sql`s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid`);

export type ApiTokenCaller = UserFacts & {
  apiTokenId: string;
  scopes: string[];
  organizationId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** The personal access token with this digest, with its user. */
export async function findApiTokenCaller(tokenHash: string): Promise<ApiTokenCaller | null> {
  const [row] = await db().$queryRaw<ApiTokenCaller[]>`
    SELECT t.id::text AS "apiTokenId", t.scopes, t.organization_id::text AS "organizationId", t.expires_at AS "expiresAt",
      t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt", ${userFactsColumns}
    FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${tokenHash}`;
  return row ?? null;
}

/** The policy facts of one user, for sign-in decisions; null for an unknown user. */
export async function findUserFacts(userId: string, tx: Tx = db()): Promise<UserFacts | null> {
  const [row] = await tx.$queryRaw<UserFacts[]>`SELECT ${userFactsColumns} FROM users u WHERE u.id = ${userId}::uuid`;
  return row ?? null;
}
