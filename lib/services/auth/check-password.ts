import "server-only";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { secondsUntil } from "@/lib/services/auth/lockout-policy";
import { accountCeilingKey, clearFailedPasswords, countFailedPassword, delayedUntil } from "@/lib/services/auth/sign-in-failures";
import { consumeRateLimit, refundRateLimit, tooManyAttempts } from "@/lib/services/rate-limit/consume-rate-limit";

/** Whose guesses are counted: shared by passwords and second factors, which draw on the same limits. */
export type GuessSubject = {
  /** The address the limits are kept for: the one typed at sign-in, else the account's own. */
  email: string;
  /** The account with that address, or null; an unknown address is limited exactly alike. */
  user: User | null;
  /** Signing in, or a signed-in person confirming who they are (email or password change, step-up). */
  purpose: "sign_in" | "confirmation";
};

export type PasswordCheck = GuessSubject & { password: string };

type Refusal = "too_many_from_address" | "delayed" | "too_many_for_account";
type Failure = "unknown_email" | "wrong_password" | "account_disabled";

/**
 * The one password check. Every place that asks for a password goes through it, so the
 * same limits bound guessing whichever door is used:
 * - per client address, over all accounts (RATE_LIMIT_SIGN_IN_PER_IP), against stuffing;
 * - per (account, client address), growing delays after LOCKOUT_THRESHOLD wrong passwords,
 *   which slow a guesser without touching the owner elsewhere;
 * - per account over every address, a ceiling far above one address's share
 *   (RATE_LIMIT_SIGN_IN_PER_ACCOUNT), which bounds a botnet; the owner's good attempts
 *   are given back, so they never use it up.
 * Refusals throw 429 and, like failures, are audited with their reason. Returns the
 * user when the password is right and the account active, else null (the caller says
 * "incorrect" in its own words). A right password stored under an old scheme is rehashed.
 */
export async function checkPassword(check: PasswordCheck): Promise<User | null> {
  const ip = currentRequestContext()?.ip ?? null;
  await refuseWhenThrottled(check, ip);

  const { user, password } = check;
  const matches = await verifyPassword(password, user?.passwordHash);
  if (user?.passwordHash && matches && user.status === "active") {
    await recordRightGuess(check, ip);
    if (needsRehash(user.passwordHash)) await rehash(user, password);
    return user;
  }
  const reason: Failure = !user ? "unknown_email" : !matches ? "wrong_password" : "account_disabled";
  await recordWrongGuess(check, ip, { reason });
  return null;
}

/** A right password or code: the pair's delays and the account's failure count start again. */
export async function recordRightGuess({ email, user }: GuessSubject, ip: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    await clearFailedPasswords(tx, email, ip);
    if (user && (user.failedSignIns > 0 || user.lockedUntil)) {
      await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    }
  });
  await refundRateLimit(accountCeilingKey(email));
}

/**
 * A wrong password or code, audited with its reason (and `auditAction` when it is not a
 * password); throws 429 once the pair's failures start a delay.
 */
export async function recordWrongGuess(
  check: GuessSubject,
  ip: string | null,
  after: { reason: string } & object,
  auditAction?: "mfa.code_failed",
): Promise<void> {
  const { user, email } = check;
  const delayStarted = await db().$transaction(async (tx) => {
    const until = await countFailedPassword(tx, email, ip);
    if (user) await tx.user.update({ where: { id: user.id }, data: { failedSignIns: { increment: 1 } } });
    await audit(tx, check, { ...after, ...(until ? { delayedUntil: until.toISOString() } : {}) }, auditAction);
    return until;
  });
  if (delayStarted) throw waitBeforeRetrying(delayStarted);
}

/** Throws 429 (audited) when this subject may not guess now; otherwise counts the attempt against the account's ceiling. */
export async function refuseWhenThrottled(check: GuessSubject, ip: string | null): Promise<void> {
  const { RATE_LIMIT_SIGN_IN_PER_IP, RATE_LIMIT_SIGN_IN_PER_ACCOUNT, RATE_LIMIT_SIGN_IN_WINDOW_SECONDS: windowSeconds } = config();
  // Requests always carry an address; only calls from outside a request (scripts) have none.
  if (ip) {
    const fromAddress = await consumeRateLimit({ key: `sign-in:ip:${ip}`, limit: RATE_LIMIT_SIGN_IN_PER_IP, windowSeconds });
    if (!fromAddress.allowed) await refuse(check, "too_many_from_address", tooManyAttempts(fromAddress.retryAfterSeconds));
  }
  const delayed = await delayedUntil(check.email, ip);
  if (delayed) await refuse(check, "delayed", waitBeforeRetrying(delayed));

  // Counted before the password is checked, so concurrent guesses cannot slip past.
  const key = accountCeilingKey(check.email);
  const forAccount = await consumeRateLimit({ key, limit: RATE_LIMIT_SIGN_IN_PER_ACCOUNT, windowSeconds });
  if (!forAccount.allowed) {
    if (check.user) await markLocked(check.user, new Date(Date.now() + forAccount.retryAfterSeconds * 1000));
    await refuse(check, "too_many_for_account", tooManyAttempts(forAccount.retryAfterSeconds));
  }
}

/** Shows administrators the account as locked while its ceiling refuses, audited once per lock. */
async function markLocked(user: User, until: Date): Promise<void> {
  const startsNow = !user.lockedUntil || user.lockedUntil.getTime() <= Date.now();
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
    if (startsNow) {
      await recordAuditEvent(tx, {
        action: "auth.locked_out",
        actor: { id: user.id, email: user.email },
        target: { type: "user", id: user.id },
        after: { until: until.toISOString() },
      });
    }
  });
}

async function refuse(check: GuessSubject, reason: Refusal, error: AppError): Promise<never> {
  await db().$transaction((tx) => audit(tx, check, { reason }));
  throw error;
}

const waitBeforeRetrying = (until: Date) => tooManyAttempts(secondsUntil(until), "failed sign-ins for this account");

function audit(tx: Tx, check: GuessSubject, after: { reason: string } & object, action?: "mfa.code_failed") {
  return recordAuditEvent(tx, {
    action: action ?? (check.purpose === "sign_in" ? "auth.sign_in_failed" : "auth.password_confirmation_failed"),
    actor: { id: check.user?.id ?? null, email: check.email },
    target: { type: "user", id: check.user?.id ?? null },
    after,
  });
}

/** Moves a right password onto today's scheme; a concurrent password change wins. */
async function rehash(user: User, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
}
