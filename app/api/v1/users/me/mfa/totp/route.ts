import { withApi } from "@/lib/http/with-api";
import { factorRemovalSchema } from "@/lib/schemas/mfa";
import { removeTotpFactor } from "@/lib/services/mfa/remove-totp-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/mfa/totp – start adding an authenticator app: its secret and otpauth:// URI, shown once
export const POST = withApi(
  async ({ actor }) => {
    const { secret, uri } = await startTotpEnrolment({ actor });
    return Response.json({ secret, uri }, { status: 201, headers: { "cache-control": "no-store" } });
  },
  { action: "me.totp.start" },
);

// DELETE /api/v1/users/me/mfa/totp – remove the authenticator app (a confirmed action: a code, or a recent check)
export const DELETE = withApi(
  async ({ actor }) => {
    await removeTotpFactor({ actor });
    return new Response(null, { status: 204 });
  },
  { action: "me.factors.remove", body: factorRemovalSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, OPTIONS } = undeclaredMethods;
