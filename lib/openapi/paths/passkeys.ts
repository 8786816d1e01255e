import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { factorRemovalSchema } from "@/lib/schemas/mfa";
import { tokenResponseSchema } from "@/lib/schemas/oauth";
import { passkeyOptionsSchema, passkeyPublicSchema, passkeyRegistrationSchema, passkeyTokenRequestSchema } from "@/lib/schemas/passkeys";

const passkey = registry.register("Passkey", passkeyPublicSchema);
const options = registry.register("PasskeyOptions", passkeyOptionsSchema);
/** A challenge kept on the server under a handle: passwordless sign-in and a session's confirmation. */
const ceremonyStart = z.object({
  passkeyChallenge: z.string().meta({ description: "Send it back with the answer; it works once, for 5 minutes." }),
  options,
});
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/mfa/passkeys/registration-options",
  tags: ["Account"],
  summary: "Start adding a passkey",
  description:
    "Options for `navigator.credentials.create()` (pass them to @simplewebauthn/browser's `startRegistration`). The challenge is " +
    "the caller's for 5 minutes; asking again replaces it. A discoverable credential is required, so the passkey can also sign in " +
    "without a password; the caller's passkeys are excluded.",
  security: authenticated,
  responses: { 200: { description: "Creation options.", ...json(options) }, 401: problems[401] },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/mfa/passkeys",
  tags: ["Account"],
  summary: "Finish adding a passkey",
  description:
    "Send the browser's answer to the registration options and a name. It must sign the caller's latest challenge for this " +
    "site's origin; it then counts as a second factor. Any answer that does not verify is 422 naming `response`.",
  security: authenticated,
  request: { body: json(passkeyRegistrationSchema) },
  responses: {
    201: { description: "Registered.", ...json(passkey) },
    401: problems[401],
    409: problems[409],
    422: problems[422],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/me/mfa/passkeys/{id}",
  tags: ["Account"],
  summary: "Remove one of the caller's passkeys",
  description:
    "Removing a way to sign in is a confirmed action: a recent second-factor check (POST /api/v1/users/me/verify), or an `otp` " +
    "or a `recoveryCode` in the body; otherwise 403 `second_factor_required`. The owner is told by mail.",
  security: authenticated,
  request: { params: z.object({ id: z.uuid() }), body: { required: false, ...json(factorRemovalSchema) } },
  responses: {
    204: { description: "Removed." },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/verify/passkey-options",
  tags: ["Account"],
  summary: "Start confirming the caller with a passkey (step-up)",
  description:
    "Options for `navigator.credentials.get()` (pass them to @simplewebauthn/browser's `startAuthentication`) that only the " +
    "caller's own passkeys may answer, with user verification required. The challenge belongs to this session for 5 minutes and " +
    "one answer; asking again replaces it. Send the answer to POST /api/v1/users/me/verify as `passkeyResponse`, with " +
    "`passkeyChallenge`. A personal access token has no session to confirm (400); an account without a passkey gets 409.",
  security: authenticated,
  responses: {
    200: { description: "Request options.", ...json(ceremonyStart) },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    409: problems[409],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/passkey/options",
  tags: ["Authentication"],
  summary: "Start a passwordless sign-in with a passkey",
  description:
    "Options for `navigator.credentials.get()` naming no account, so the authenticator offers the passkeys it holds for this " +
    "site, and user verification is required. Send the answer with `passkeyChallenge` to /api/v1/auth/passkey/verify within 5 minutes.",
  responses: {
    200: { description: "Request options.", ...json(ceremonyStart) },
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/passkey/verify",
  tags: ["Authentication"],
  summary: "Get tokens with a passkey (passwordless)",
  description:
    "Exchanges a passkey's answer to the challenge from /api/v1/auth/passkey/options for the same tokens as the password grant " +
    "(RFC 6749 §5.1 body). The challenge works once. A refused answer is 401 and, once the passkey names an account, counts " +
    "against that account's sign-in limits (429 when exceeded).",
  request: { body: json(passkeyTokenRequestSchema) },
  responses: {
    200: { description: "Tokens issued.", ...json(tokenResponseSchema) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
    429: problems[429],
  },
});
