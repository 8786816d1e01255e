import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { removesLastSuperadmin } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { GlobalRole, UserStatus } from "@/lib/generated/prisma/enums";
import { idField } from "@/lib/schemas/fields";
import type { ProfileUpdate } from "@/lib/schemas/profile";
import type { ManagedUser } from "@/lib/schemas/user";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { lockActiveSuperadmins } from "@/lib/services/users/lock-active-superadmins";
import { profileColumns } from "@/lib/services/users/profile-columns";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

export type UserChange = {
  actor: Actor;
  userId: string;
  /** The version the caller last saw (If-Match); a different current version is refused. */
  expectedVersion?: number;
  data: {
    name?: string | null;
    role?: GlobalRole;
    status?: UserStatus;
    deletedAt?: Date | null;
    failedSignIns?: number;
    lockedUntil?: Date | null;
    profile?: ProfileUpdate;
  };
  action: AuditAction;
  /** Checks that depend on the current row, e.g. "only deleted users can be restored". */
  precondition?: (user: User) => void;
  /** Signs the user out everywhere and revokes their access tokens for good, in the same transaction. */
  endAccess?: boolean;
  /** Further writes that belong to the same change, in its transaction. */
  alsoInTransaction?: (tx: Tx, user: User) => Promise<unknown>;
};

const standing = (user: Pick<User, "role" | "status" | "deletedAt">) => ({
  role: user.role,
  status: user.status,
  deleted: user.deletedAt !== null,
});

const plannedStanding = (before: User, data: UserChange["data"]) =>
  standing({
    role: data.role ?? before.role,
    status: data.status ?? before.status,
    deletedAt: data.deletedAt === undefined ? before.deletedAt : data.deletedAt,
  });

/** The caller must be allowed to change this user, and to give the role it asks for. */
function authorizeChange(actor: Actor, target: User, data: UserChange["data"]): void {
  authorize(actor, "users:write", { user: target });
  if (data.role && data.role !== target.role) authorize(actor, "users:write", { user: { role: data.role } });
}

/** Whether a change can make someone stop being an active superadmin; a rename cannot. */
const changesStanding = (data: UserChange["data"]) => data.role !== undefined || data.status !== undefined || data.deletedAt !== undefined;

const userColumns = ({ profile, ...columns }: UserChange["data"]) => ({ ...columns, ...profileColumns(profile) });

async function applyInTransaction(tx: Tx, change: UserChange): Promise<{ before: User; after: User }> {
  // Taken before the row is read, so the count and the row are both current when compared.
  const activeSuperadmins = changesStanding(change.data) ? await lockActiveSuperadmins(tx) : Infinity;
  if (!idField.safeParse(change.userId).success) throw notFound("User");
  // Changes to one user queue here, so one sent without If-Match never fails on another's
  // version bump. NO KEY UPDATE, not UPDATE: it must not conflict with the key-share locks
  // that inserts naming the user take (see lock-active-superadmins.ts).
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${change.userId}::uuid FOR NO KEY UPDATE`;
  const before = await tx.user.findUnique({ where: { id: change.userId } });
  if (!before) throw notFound("User");
  authorizeChange(change.actor, before, change.data);
  if (change.expectedVersion !== undefined && change.expectedVersion !== before.version) throw staleVersion();
  change.precondition?.(before);

  if (removesLastSuperadmin(standing(before), plannedStanding(before, change.data), activeSuperadmins)) {
    throw new AppError("conflict", "This is the last active superadmin; make another superadmin first.");
  }
  // Conditional on the version read above, so of two concurrent edits only one can win.
  const { count } = await tx.user.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...userColumns(change.data), version: { increment: 1 } },
  });
  if (count === 0) throw staleVersion();
  if (change.endAccess) {
    await tx.session.deleteMany({ where: { userId: before.id } });
    await endProviderSessions(tx, { userId: before.id, reason: change.data.deletedAt ? "deleted" : "disabled" });
    await revokeUserTokens(tx, before.id);
  }
  await change.alsoInTransaction?.(tx, before);
  const after = await tx.user.findUniqueOrThrow({ where: { id: before.id } });
  return { before, after };
}

/**
 * A global role change is recorded as its own event besides the change's, so that who
 * gained or lost administrator powers can be found by action without reading every
 * `user.updated` snapshot.
 */
async function recordRoleChange(tx: Tx, actor: Actor, { before, after }: { before: User; after: User }): Promise<void> {
  if (before.role === after.role) return;
  await recordAuditEvent(tx, {
    action: "user.role_changed",
    actor,
    target: { type: "user", id: after.id },
    before: { role: before.role },
    after: { role: after.role },
  });
}

/**
 * The one path for an administrator's change to a user: authorization, the version
 * check, the last-superadmin rule and the audit event all happen in one transaction.
 */
export async function applyUserChange(change: UserChange): Promise<ManagedUser> {
  // Authorized once, inside, with the row in hand (the entry point's rule has already
  // refused a caller without users:write before any lock is taken).
  const after = await db().$transaction(async (tx) => {
    const result = await applyInTransaction(tx, change);
    await recordAuditEvent(tx, {
      action: change.action,
      actor: change.actor,
      target: { type: "user", id: result.after.id },
      before: toManagedUser(result.before),
      after: toManagedUser(result.after),
    });
    await recordRoleChange(tx, change.actor, result);
    return result.after;
  });
  return toManagedUser(after);
}
