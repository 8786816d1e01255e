import "server-only";
import { CredentialsSignin } from "next-auth";
import { AppError, type ErrorCode } from "@/lib/errors";
import { noteSignedIn, requestContextFrom, runWithRequestContext } from "@/lib/request-context";
import { passkeySignInCredentialsSchema } from "@/lib/schemas/passkeys";
import { signInWithPasskey } from "@/lib/services/passkeys/sign-in-with-passkey";

/** A refused passkey sign-in, carried through Auth.js to the action that asked, which shows its message. */
export class PasskeySignInRefused extends CredentialsSignin {
  code = "passkey_refused";
  constructor(
    readonly reason: ErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * The Auth.js credentials branch for passkeys: the answer to a passwordless challenge, or
 * the second step of a sign-in whose password was right. Returns the user Auth.js puts
 * into the session cookie; every refusal (wrong answer, expired challenge, limits) is a
 * PasskeySignInRefused with the service's own message.
 */
export async function authorizeWithPasskey(credentials: Partial<Record<string, unknown>>, request: Request) {
  const input = passkeySignInCredentialsSchema.safeParse(credentials);
  if (!input.success) throw new PasskeySignInRefused("validation_failed", "The passkey's answer was malformed. Try again.");
  const { passkeyResponse: response, ...challenge } = input.data;
  try {
    const { actor, sessionToken } = await runWithRequestContext(requestContextFrom(request.headers), () =>
      signInWithPasskey({ ...challenge, response }),
    );
    noteSignedIn(actor.userId);
    return { id: actor.userId, email: actor.email, sessionToken };
  } catch (error) {
    if (error instanceof AppError && error.code !== "internal") throw new PasskeySignInRefused(error.code, error.message);
    throw error;
  }
}
