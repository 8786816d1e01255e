import "server-only";
import { ZodError } from "zod";
import { AppError, errorStatus, type ErrorCode, type FieldError } from "@/lib/errors";
import { databaseOutageError } from "@/lib/http/database-outage";
import { logger } from "@/lib/logger";

const titles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthorized: "Authentication required",
  forbidden: "Forbidden",
  reauthentication_required: "Reauthentication required",
  second_factor_required: "Second factor confirmation required",
  mfa_enrollment_required: "Second factor required",
  organization_token_refused: "Beyond this token's organization",
  view_as_read_only: "Read-only while viewing as someone",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  precondition_failed: "Precondition failed",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  not_implemented: "Not implemented",
  unavailable: "Service unavailable",
};

/** Turns a zod path into the dotted field name clients show next to an input. */
function fieldName(path: PropertyKey[]): string {
  return path.length === 0 ? "(body)" : path.map(String).join(".");
}

export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    // Unknown keys arrive as one issue naming them all; report each as its own field.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: "Unknown field." }));
    }
    return [{ field: fieldName(issue.path), message: issue.message }];
  });
}

/**
 * PostgreSQL's class 22 ("data exception": a NUL byte, a malformed uuid, a date or number
 * out of range) means a value from the request that the schemas let through, never a
 * fault of the server. Prisma reports some as P2007/P2020 and the rest as P2039 with
 * the driver's original code.
 */
function isRefusedValue(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (code === "P2007" || code === "P2020") return true;
  const original = meta?.driverAdapterError?.cause?.originalCode;
  return typeof original === "string" && original.startsWith("22");
}

/** Maps what Prisma reports for constraint violations and refused values onto the error table. */
function fromPrisma(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") return new AppError("conflict", "A record with these values already exists.");
  if (code === "P2025") return new AppError("not_found", "The record was not found.");
  if (isRefusedValue(error)) {
    logger.warn({ err: error }, "the database refused a value the schemas let through");
    return new AppError("bad_request", "The request contains a value that cannot be stored or searched for.");
  }
  return undefined;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: fieldErrorsOf(error) });
  }
  return fromPrisma(error) ?? databaseOutageError(error) ?? new AppError("internal", "Something went wrong on our side.", { cause: error });
}

/**
 * The single mapping from any thrown value to an RFC 9457 problem response. Unknown
 * errors are logged in full and answered with nothing but the request id.
 */
export function problemResponse(thrown: unknown, requestId: string): Response {
  const error = toAppError(thrown);
  if (error.code === "internal") logger.error({ err: error.cause ?? error }, "unhandled error");
  if (error.code === "unavailable" && error.cause) logger.warn({ err: error.cause }, "database unavailable");
  const status = errorStatus[error.code];
  const body = {
    type: `about:blank`,
    title: titles[error.code],
    status,
    detail: error.message,
    code: error.code,
    requestId,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
  };
  return Response.json(body, {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId, ...error.headers },
  });
}
