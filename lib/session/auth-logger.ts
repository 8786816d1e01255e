import "server-only";
import type { NextAuthConfig } from "next-auth";
import { logger } from "@/lib/logger";

type AuthLogger = NonNullable<NextAuthConfig["logger"]>;

/**
 * Auth.js errors that a visitor causes, not the server: a wrong password (and our
 * rate-limit and unverified-email refusals, which extend it), a missing CSRF token, a
 * refused single sign-on, a cookie that no longer decrypts. Each is audited or answered
 * already, so a warning without a stack trace is enough.
 */
const visitorErrors = new Set(["CredentialsSignin", "MissingCSRF", "AccessDenied", "OAuthAccountNotLinked", "JWTSessionError"]);

const errorType = (error: Error) => ("type" in error && typeof error.type === "string" ? error.type : error.name);

/** The underlying error Auth.js wraps in `cause.err` when a callback or the adapter throws. */
function underlyingError(error: Error): Error {
  const cause = error.cause;
  return cause && typeof cause === "object" && "err" in cause && cause.err instanceof Error ? cause.err : error;
}

/**
 * Sends Auth.js's logs to the application log as structured lines, instead of its
 * default colored console output, which prints a stack trace for every wrong password.
 */
export const authLogger: AuthLogger = {
  error(error) {
    const type = errorType(error);
    if (visitorErrors.has(type)) logger.warn({ type }, "Sign-in refused or session rejected.");
    else logger.error({ type, err: underlyingError(error) }, "Authentication error.");
  },
  warn(code) {
    logger.warn({ code }, "Auth.js configuration warning.");
  },
  // No debug: Auth.js would then pass it every debug message, cookies and tokens included.
};
