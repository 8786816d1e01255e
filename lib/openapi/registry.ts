import { extendZodWithOpenApi, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

/**
 * Every `/api/v1` route is described here from the same zod schemas the handlers
 * parse with, one file per area under paths/; the document is generated, never written
 * by hand.
 */
export const registry = new OpenAPIRegistry();

export const bearerAuth = registry.registerComponent("securitySchemes", "bearerAuth", {
  type: "http",
  scheme: "bearer",
  description: "An OAuth access token from POST /api/v1/auth/token, or a personal access token.",
});

export const sessionCookie = registry.registerComponent("securitySchemes", "sessionCookie", {
  type: "apiKey",
  in: "cookie",
  name: "authjs.session-token",
  description: "The browser session set by signing in (`__Host-authjs.session-token` over HTTPS).",
});

/** Either way of authenticating; listed on every route that needs a caller. */
export const authenticated = [{ [bearerAuth.name]: [] }, { [sessionCookie.name]: [] }];

export const problemSchema = registry.register(
  "Problem",
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      code: z.string(),
      requestId: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    })
    .meta({ description: "An RFC 9457 problem document." }),
);

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** The error answers routes share; spread the ones that apply into `responses`. */
export const problems = {
  400: problem("Malformed request (for example, invalid JSON)."),
  401: problem("No valid credentials."),
  403: problem("Authenticated, but not allowed."),
  404: problem("Not found, or not visible to the caller."),
  409: problem("Conflicts with existing data."),
  412: problem("If-Match names an outdated version."),
  413: problem("The body is too large."),
  415: problem("The body is not application/json."),
  422: problem("Invalid fields; `errors` names each one."),
  429: problem("Too many requests; see Retry-After."),
  503: problem("A dependency is unavailable."),
};
