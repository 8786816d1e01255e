import { AppError, type ErrorCode } from "@/lib/errors";

/** RFC 7644 §3.12's scimType values this server answers with. */
export type ScimType =
  "invalidFilter" | "tooMany" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue";

const codeOf: Record<ScimType, ErrorCode> = {
  invalidFilter: "bad_request",
  tooMany: "bad_request",
  uniqueness: "conflict",
  mutability: "bad_request",
  invalidSyntax: "bad_request",
  invalidPath: "bad_request",
  noTarget: "bad_request",
  invalidValue: "bad_request",
};

/**
 * An AppError that also names the SCIM error type, so services stay free of HTTP while
 * the SCIM wrapper answers with the `scimType` identity providers branch on.
 */
export class ScimError extends AppError {
  readonly scimType: ScimType;

  constructor(scimType: ScimType, message: string) {
    super(codeOf[scimType], message);
    this.name = "ScimError";
    this.scimType = scimType;
  }
}
