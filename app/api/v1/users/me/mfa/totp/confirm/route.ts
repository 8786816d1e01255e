import { withApi } from "@/lib/http/with-api";
import { totpConfirmSchema } from "@/lib/schemas/mfa";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/mfa/totp/confirm – confirm the app with one code; answers ten recovery codes, shown once
export const POST = withApi(
  async ({ actor, body }) =>
    Response.json(await confirmTotpEnrolment({ actor, code: body.code }), { headers: { "cache-control": "no-store" } }),
  { action: "me.totp.confirm", body: totpConfirmSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
