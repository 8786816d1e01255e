import "server-only";
import { toAppError } from "@/lib/http/problem";
import { logger } from "@/lib/logger";
import type { OAuthErrorCode } from "@/lib/schemas/oauth";

/** An error the OAuth endpoints answer in RFC 6749 §5.2 form rather than as a problem document. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    message: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
    /** Parameters beyond error and error_description that the answer carries, such as `mfa_token`. */
    readonly parameters: Record<string, string> = {},
  ) {
    super(message);
    this.name = "OAuthError";
  }
}

/**
 * Services speak AppError; this maps their codes onto the OAuth vocabulary, after the
 * one mapping of other errors (zod, the database) onto AppError.
 */
function toOAuthError(error: unknown): OAuthError {
  if (error instanceof OAuthError) return error;
  const thrown = toAppError(error);
  // A wrong password and an unconfirmed email are both credentials that grant nothing (§5.2).
  if (thrown.code === "unauthorized" || thrown.code === "forbidden") return new OAuthError("invalid_grant", thrown.message);
  if (thrown.code === "rate_limited") return new OAuthError("temporarily_unavailable", thrown.message, 429, thrown.headers);
  if (thrown.code === "validation_failed" && thrown.fieldErrors?.some((field) => field.field === "scope")) {
    return new OAuthError("invalid_scope", thrown.message);
  }
  if (thrown.code === "validation_failed" || thrown.code === "bad_request") return new OAuthError("invalid_request", thrown.message);
  if (thrown.code === "unavailable") return new OAuthError("temporarily_unavailable", thrown.message, 503, thrown.headers);
  logger.error({ err: thrown.cause ?? thrown }, "unhandled error");
  return new OAuthError("server_error", "Something went wrong on our side.", 500);
}

export function oauthErrorResponse(thrown: unknown, requestId: string): Response {
  const error = toOAuthError(thrown);
  return Response.json(
    { error: error.error, error_description: error.message, ...error.parameters },
    {
      status: error.status,
      headers: { "cache-control": "no-store", pragma: "no-cache", "x-request-id": requestId, ...error.headers },
    },
  );
}
