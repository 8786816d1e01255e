import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import {
  factorPublicSchema,
  factorRemovalSchema,
  factorResetSchema,
  factorSummarySchema,
  recoveryCodesSchema,
  totpConfirmSchema,
  totpEnrolmentSchema,
} from "@/lib/schemas/mfa";

export const secondFactor = registry.register("SecondFactor", factorPublicSchema);
const summary = registry.register("SecondFactorSummary", factorSummarySchema);
const recoveryCodes = registry.register("RecoveryCodes", recoveryCodesSchema);
const noStore = { "Cache-Control": { description: "Always `no-store`: the answer carries secrets.", schema: { type: "string" as const } } };
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ownAccount =
  "The caller's own account. Changes need the `write` scope; a token limited to one organization gets 403, since second factors " +
  "belong to the whole account.";

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me/mfa",
  tags: ["Account"],
  summary: "The caller's second factors",
  description: "Confirmed factors (never their secrets) and how many unused recovery codes remain.",
  security: authenticated,
  responses: { 200: { description: "The factors, oldest first.", ...json(summary) }, 401: problems[401] },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/mfa/totp",
  tags: ["Account"],
  summary: "Start adding an authenticator app",
  description:
    `${ownAccount} Answers a new secret and its \`otpauth://\` URI (for a QR code). The app counts as a factor only once ` +
    "`POST /api/v1/users/me/mfa/totp/confirm` receives a code from it, within 15 minutes. Starting again replaces an unconfirmed " +
    "secret; an account has one app at most (409 while one is set up).",
  security: authenticated,
  responses: {
    201: { description: "Enrolment started; the secret is in this answer only.", headers: noStore, ...json(totpEnrolmentSchema) },
    401: problems[401],
    403: problems[403],
    409: problems[409],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/mfa/totp/confirm",
  tags: ["Account"],
  summary: "Confirm the authenticator app with a code",
  description:
    `${ownAccount} One current code (±30 s) from the app proves it holds the secret. Answers ten recovery codes, shown this once. ` +
    "A wrong code is 422 naming `code` and counts against the same limits as a wrong password (429 once throttled).",
  security: authenticated,
  request: { body: json(totpConfirmSchema) },
  responses: {
    200: { description: "Confirmed: the second step of sign-in is on.", headers: noStore, ...json(recoveryCodes) },
    401: problems[401],
    403: problems[403],
    409: problems[409],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/me/mfa/totp",
  tags: ["Account"],
  summary: "Remove the authenticator app",
  description:
    `${ownAccount} A confirmed action: a recent second-factor check (POST /api/v1/users/me/verify), or a code (\`otp\`) or a ` +
    "`recoveryCode` in the body; otherwise 403 `second_factor_required`. Removing the last factor also deletes the recovery " +
    "codes. A wrong code is 422 naming the field. The owner is told by mail.",
  security: authenticated,
  request: { body: { required: false, ...json(factorRemovalSchema) } },
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
  path: "/api/v1/users/me/mfa/recovery-codes",
  tags: ["Account"],
  summary: "Replace the caller's recovery codes",
  description: `${ownAccount} Ten new codes; every earlier one stops working. 409 when the account has no second factor.`,
  security: authenticated,
  responses: {
    200: { description: "New codes, shown this once.", headers: noStore, ...json(recoveryCodes) },
    401: problems[401],
    403: problems[403],
    409: problems[409],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/{id}/mfa/reset",
  tags: ["Users"],
  summary: "Reset a user's second factors",
  description:
    "Needs `users:write`; only a superadmin may reset a superadmin's. Deletes every factor and recovery code of the user and ends " +
    "all their browser and API sessions (refresh tokens included), so they sign in with the password alone and can enrol again. " +
    "Personal access tokens stay. Audited as `mfa.reset`. 404 when the caller may not see users (a token limited to an " +
    "organization included) or the user does not exist; 403 when it may see but not manage this user.",
  security: authenticated,
  request: { params: z.object({ id: z.uuid().meta({ description: "The user's id." }) }) },
  responses: {
    200: { description: "What was removed.", ...json(factorResetSchema) },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});
