import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import type { SignInInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { refuseUnverifiedEmail } from "@/lib/services/auth/assert-email-verified";
import { secondsUntil } from "@/lib/services/auth/lockout-policy";
import { countFailedSignIn, lockedUntil } from "@/lib/services/auth/sign-in-failures";
import { describeWait, enforceRateLimits, refundRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/** One answer for every failure, so the response never tells whether an email is registered. */
export const invalidCredentials = () => new AppError("unauthorized", "The email or password is incorrect.");

const lockedOut = (until: Date) => {
  const seconds = secondsUntil(until);
  return new AppError("rate_limited", `Too many failed sign-ins for this account. Try again in ${describeWait(seconds)}.`, {
    headers: { "retry-after": String(seconds) },
  });
};

const accountLimitKey = (email: string) => `sign-in:account:${email}`;

function signInRateLimits(email: string) {
  const { RATE_LIMIT_SIGN_IN_PER_IP, RATE_LIMIT_SIGN_IN_PER_ACCOUNT, RATE_LIMIT_SIGN_IN_WINDOW_SECONDS } = config();
  const rules = [
    { key: accountLimitKey(email), limit: RATE_LIMIT_SIGN_IN_PER_ACCOUNT, windowSeconds: RATE_LIMIT_SIGN_IN_WINDOW_SECONDS },
  ];
  // Requests always carry an address; only calls from outside a request (scripts) have none.
  const ip = currentRequestContext()?.ip;
  if (ip) rules.push({ key: `sign-in:ip:${ip}`, limit: RATE_LIMIT_SIGN_IN_PER_IP, windowSeconds: RATE_LIMIT_SIGN_IN_WINDOW_SECONDS });
  return rules;
}

/**
 * The one credential check behind browser sign-in and the token endpoint. It refuses
 * with 429 when the address or the account is over its rate limit or locked (a
 * successful sign-in does not count against the account's limit), else checks
 * the password, counting and auditing each failure, and refuses an unconfirmed email
 * when EMAIL_VERIFICATION=required. It opens nothing: the caller opens
 * the session and resets the failure count in the same transaction.
 */
export async function verifyCredentials({ email, password }: SignInInput): Promise<User> {
  await enforceRateLimits(signInRateLimits(email));
  const user = await db().user.findFirst({ where: { email, deletedAt: null } });
  const lock = await lockedUntil(email, user);
  if (lock) throw lockedOut(lock);

  const passwordMatches = await verifyPassword(password, user?.passwordHash);
  if (user && passwordMatches && user.status === "active") {
    // Only now, with the password right, may the answer differ from "incorrect".
    refuseUnverifiedEmail(user);
    // The account's limit is there to slow guessing; its owner signing in from many
    // devices, or a script using the password grant, should not use it up. The address
    // keeps its hit, so good sign-ins cannot buy extra guesses at other accounts.
    await refundRateLimit(accountLimitKey(email));
    return user;
  }

  const reason = !user ? "unknown_email" : !passwordMatches ? "wrong_password" : "account_disabled";
  const actor = { id: user?.id ?? null, email };
  const target = { type: "user", id: user?.id ?? null };
  const lockStarted = await db().$transaction(async (tx) => {
    const until = await countFailedSignIn(tx, email, user);
    await recordAuditEvent(tx, { action: "auth.sign_in_failed", actor, target, after: { reason } });
    if (until) await recordAuditEvent(tx, { action: "auth.locked_out", actor, target, after: { until: until.toISOString() } });
    return until;
  });
  if (lockStarted) throw lockedOut(lockStarted);
  throw invalidCredentials();
}
