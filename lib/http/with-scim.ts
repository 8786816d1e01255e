import "server-only";
import type { DirectoryActionName } from "@/lib/auth/action-catalogue";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { handleRoute, type RouteParams } from "@/lib/http/handle-route";
import { logger } from "@/lib/logger";
import { ScimError } from "@/lib/scim/scim-error";
import { scimUrn } from "@/lib/scim/schema-urns";
import { authorizeAction } from "@/lib/services/auth/authorize-action";
import { findScimApplicationCaller, isApplicationToken } from "@/lib/services/auth/application-token-actor";
import { findScimCaller, type ScimCaller } from "@/lib/services/scim/scim-caller";

const bearerCredential = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
export const scimContentType = "application/scim+json";

/** A SCIM answer: JSON as application/scim+json (RFC 7644 §3.1). */
export function scimResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { "content-type": scimContentType, ...init.headers } });
}

/** RFC 7644 §3.12's error body; `status` is a string there. */
function scimErrorResponse(thrown: unknown, requestId: string): Response {
  const error = toAppError(thrown);
  // A service's refusal of a value, or of a value another resource holds, in the terms directories branch on.
  const scimType =
    thrown instanceof ScimError
      ? thrown.scimType
      : thrown instanceof ZodError || error.code === "validation_failed"
        ? "invalidValue"
        : error.code === "conflict"
          ? "uniqueness"
          : undefined;
  if (error.code === "internal") logger.error({ err: error.cause ?? error }, "unhandled error");
  const fields = error.fieldErrors?.map((field) => `${field.field}: ${field.message}`).join("; ");
  const detail = fields ? `${error.message} ${fields}` : error.message;
  const status = error.code === "validation_failed" ? 400 : error.status;
  return scimResponse(
    { schemas: [scimUrn.error], status: String(status), ...(scimType ? { scimType } : {}), detail },
    { status, headers: { "x-request-id": requestId, ...error.headers } },
  );
}

const invalidToken = () =>
  new AppError(
    "unauthorized",
    "Send a valid, unrevoked SCIM token, or a token of the organization's service with the scim scope, as Authorization: Bearer.",
    {
      headers: { "www-authenticate": 'Bearer realm="scim", error="invalid_token"' },
    },
  );

async function resolveScimCaller(request: Request): Promise<ScimCaller> {
  const credential = bearerCredential.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
  // An organization's SCIM token, or its machine application's token with the scim scope.
  const caller = credential
    ? await (isApplicationToken(credential) ? findScimApplicationCaller(credential) : findScimCaller(credential))
    : null;
  if (!caller) throw invalidToken();
  return caller;
}

type ScimContext = { request: Request; caller: ScimCaller; params: RouteParams; body: unknown; search: URLSearchParams };

/**
 * Wraps every `/scim/v2` handler, as withApi wraps `/api/v1`: the same request id,
 * request context, log line and security headers, and the same action catalogue, whose
 * SCIM actions only an organization's SCIM token may take (never a session: identity
 * providers call server to server). Bodies are `application/scim+json` or
 * `application/json`, and errors are SCIM error documents.
 */
export function withScim(handler: (context: ScimContext) => Promise<Response>, options: { action: DirectoryActionName }) {
  return handleRoute({
    action: options.action,
    answerError: scimErrorResponse,
    run: async ({ request, params }) => {
      const caller = await resolveScimCaller(request);
      const hasBody = ["POST", "PUT", "PATCH"].includes(request.method);
      const body = hasBody ? await readJsonBody(request) : undefined;
      await authorizeAction(options.action, caller, async () => body);
      return handler({ request, caller, params, body, search: new URL(request.url).searchParams });
    },
  });
}
