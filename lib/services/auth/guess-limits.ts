import "server-only";
import { deviceIdFor } from "@/lib/auth/device-cookie";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { secondsUntil } from "@/lib/services/auth/lockout-policy";
import {
  accountCeilingKey,
  claimAttempt,
  clearFailedAttempts,
  delayAfterFailure,
  delayedUntil,
  releaseAttempt,
  type Guesser,
} from "@/lib/services/auth/sign-in-failures";
import { addressLimitKey } from "@/lib/services/rate-limit/address-limit-key";
import { consumeRateLimit, refundRateLimit, tooManyAttempts } from "@/lib/services/rate-limit/consume-rate-limit";
import type { SignInFailureReason } from "@/lib/audit/sign-in-failure-reasons";

/** Whose guesses are counted: shared by passwords and second factors, which draw on the same limits. */
export type GuessSubject = {
  /** The address the limits are kept for: the one typed at sign-in, else the account's own. */
  email: string;
  /** The account with that address, or null; an unknown address is limited exactly alike. */
  user: User | null;
  /** Signing in, or a signed-in person confirming who they are (email or password change, step-up). */
  purpose: "sign_in" | "confirmation";
};

/** A guess the limits let through, and what it was counted on, so that its outcome is recorded there. */
export type Guess = {
  subject: GuessSubject;
  guesser: Guesser;
  /** Its place among the pair's consecutive attempts: the delay a failure starts depends on it. */
  attempt: number;
  /** Whether it took a hit from the account's ceiling, given back when it is right. */
  onCeiling: boolean;
};

type Refusal = Extract<SignInFailureReason, "too_many_from_address" | "delayed" | "too_many_for_account">;
type AuditAction = "mfa.code_failed";

/**
 * Counts a password or code guess before it is checked, so concurrent guesses cannot
 * slip past, or throws 429 (audited) when this subject may not guess now.
 *
 * A browser with a device cookie for the account (lib/auth/device-cookie.ts) is held to
 * its own count alone: growing delays after LOCKOUT_THRESHOLD wrong guesses, like one
 * address. So strangers who push the account over its ceiling do not keep its owner out
 * of a browser the owner signed in with before. Every other guess is counted
 * - per client address, over all accounts (RATE_LIMIT_SIGN_IN_PER_IP), against stuffing;
 * - per (account, client address), growing delays after LOCKOUT_THRESHOLD wrong guesses,
 *   which slow a guesser without touching the owner elsewhere;
 * - per account over every address, a ceiling far above one address's share
 *   (RATE_LIMIT_SIGN_IN_PER_ACCOUNT), which bounds a botnet; the owner's good attempts
 *   are given back, so they never use it up.
 * Client addresses are counted by their limit key: an IPv6 client by its /64.
 */
export async function startGuess(subject: GuessSubject): Promise<Guess> {
  const context = currentRequestContext();
  const device = subject.user ? deviceIdFor(context?.deviceCookie, subject.user.id) : null;
  if (device) {
    const guesser = { device };
    return { subject, guesser, attempt: await claimOrRefuse(subject, guesser), onCeiling: false };
  }

  const { RATE_LIMIT_SIGN_IN_PER_IP, RATE_LIMIT_SIGN_IN_PER_ACCOUNT, RATE_LIMIT_SIGN_IN_WINDOW_SECONDS: windowSeconds } = config();
  const address = addressLimitKey(context?.ip);
  // Requests always carry an address; only calls from outside a request (scripts) have none.
  if (address) {
    const fromAddress = await consumeRateLimit({ key: `sign-in:ip:${address}`, limit: RATE_LIMIT_SIGN_IN_PER_IP, windowSeconds });
    if (!fromAddress.allowed) await throwAudited(subject, "too_many_from_address", tooManyAttempts(fromAddress.retryAfterSeconds));
  }
  const guesser = { address };
  const attempt = await claimOrRefuse(subject, guesser);

  // After the pair's claim, so that a waiting address cannot spend the account's ceiling.
  const forAccount = await consumeRateLimit({
    key: accountCeilingKey(subject.email),
    limit: RATE_LIMIT_SIGN_IN_PER_ACCOUNT,
    windowSeconds,
  });
  if (!forAccount.allowed) {
    await releaseAttempt(subject.email, guesser);
    if (subject.user) await markLocked(subject.user, new Date(Date.now() + forAccount.retryAfterSeconds * 1000));
    await throwAudited(subject, "too_many_for_account", tooManyAttempts(forAccount.retryAfterSeconds));
  }
  return { subject, guesser, attempt, onCeiling: true };
}

/** A right password or code: the pair's delays and the account's failure count start again. */
export async function recordRightGuess({ subject: { email, user }, guesser, onCeiling }: Guess): Promise<void> {
  await db().$transaction(async (tx) => {
    await clearFailedAttempts(tx, email, guesser);
    // `lockedUntil` shows the ceiling refusing; a guess that went around it (a device cookie's) leaves it standing.
    const data = onCeiling ? { failedSignIns: 0, lockedUntil: null } : { failedSignIns: 0 };
    if (user && (user.failedSignIns > 0 || (onCeiling && user.lockedUntil))) await tx.user.update({ where: { id: user.id }, data });
  });
  if (onCeiling) await refundRateLimit(accountCeilingKey(email));
}

/**
 * A wrong password or code, audited with its reason (and `auditAction` when it is not a
 * password); throws 429 once the pair's failures start a delay.
 */
export async function recordWrongGuess(
  { subject, guesser, attempt }: Guess,
  after: { reason: string } & object,
  auditAction?: AuditAction,
): Promise<void> {
  const delayStarted = delayAfterFailure(attempt);
  await db().$transaction(async (tx) => {
    if (subject.user) await tx.user.update({ where: { id: subject.user.id }, data: { failedSignIns: { increment: 1 } } });
    const delay = delayStarted ? { delayedUntil: delayStarted.toISOString() } : {};
    await audit(tx, subject, { ...after, ...fromDevice(guesser), ...delay }, auditAction);
  });
  if (delayStarted) throw waitBeforeRetrying(delayStarted);
}

/** The attempt's place in the pair's count, or a 429 when the pair must still wait. */
async function claimOrRefuse(subject: GuessSubject, guesser: Guesser): Promise<number> {
  const attempt = await claimAttempt(subject.email, guesser);
  if (attempt !== null) return attempt;
  // Read only for Retry-After; should the delay have ended just now, a second's wait is near enough.
  const until = (await delayedUntil(subject.email, guesser)) ?? new Date(Date.now() + 1000);
  return throwAudited(subject, "delayed", waitBeforeRetrying(until), guesser);
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

async function throwAudited(subject: GuessSubject, reason: Refusal, error: AppError, guesser?: Guesser): Promise<never> {
  await db().$transaction((tx) => audit(tx, subject, { reason, ...(guesser ? fromDevice(guesser) : {}) }));
  throw error;
}

const waitBeforeRetrying = (until: Date) => tooManyAttempts(secondsUntil(until), "failed sign-ins for this account");

/** Marks in the audit log that a guess came with a valid device cookie, so that a stolen one shows. */
const fromDevice = (guesser: Guesser) => ("device" in guesser ? { trustedDevice: true } : {});

function audit(tx: Tx, subject: GuessSubject, after: { reason: string } & object, action?: AuditAction) {
  return recordAuditEvent(tx, {
    action: action ?? (subject.purpose === "sign_in" ? "auth.sign_in_failed" : "auth.password_confirmation_failed"),
    actor: { id: subject.user?.id ?? null, email: subject.email },
    target: { type: "user", id: subject.user?.id ?? null },
    after,
  });
}
