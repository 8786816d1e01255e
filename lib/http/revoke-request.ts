import "server-only";
import { OAuthError } from "@/lib/http/oauth-error";
import { fieldErrorsOf } from "@/lib/http/problem";
import { revocationRequestSchema } from "@/lib/schemas/oauth";
import { revokeToken } from "@/lib/services/auth/revoke-token";

/** RFC 7009 §2.2: 200 whether or not the token was known, so the answer tells nothing. */
export async function revokeTokenRequest(form: Record<string, string>): Promise<Response> {
  const parsed = revocationRequestSchema.safeParse(form);
  if (!parsed.success) {
    throw new OAuthError(
      "invalid_request",
      fieldErrorsOf(parsed.error)
        .map((error) => `${error.field}: ${error.message}`)
        .join(" "),
    );
  }
  await revokeToken({ token: parsed.data.token });
  return new Response(null, { status: 200 });
}
