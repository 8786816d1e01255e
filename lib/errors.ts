/**
 * The one error type services throw. Each code maps to exactly one HTTP status, so
 * services stay free of HTTP while the API answers consistently.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** Allowed, but only after the caller proves again who it is (password or a fresh sign-in). */
  reauthentication_required: 403,
  /** Allowed, but only after the caller confirms a second factor again (a code, or a fresh second-factor sign-in). */
  second_factor_required: 403,
  /** A policy requires a second factor and the caller has none yet: enrol first. */
  mfa_enrollment_required: 403,
  /** A token limited to one organization asked for something beyond it: the whole account or the installation. */
  organization_token_refused: 403,
  /** An administrator viewing the app as a user ("view as") asked to change something: a view only looks. */
  view_as_read_only: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  /** A part of a protocol this installation does not offer (SCIM /Me and /Bulk). */
  not_implemented: 501,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);

/** For a conditional update whose expected version is no longer current. */
export const staleVersion = () => new AppError("precondition_failed", "The record was changed by someone else; fetch it again and retry.");
