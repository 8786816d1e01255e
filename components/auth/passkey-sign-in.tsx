"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";
import { describePasskeyError } from "@/lib/passkey-ceremony-errors";

/** What the options action answers: the challenge to sign, and for passwordless sign-in the handle it is stored under. */
type Started = FormState & { options?: PublicKeyCredentialRequestOptionsJSON; passkeyChallenge?: string };
type Completion = { passkeyChallenge?: string; passkeyResponse: string; callbackUrl: string | undefined };

type PasskeySignInProps = {
  label: string;
  /** A server action that starts the ceremony: passwordless, or the second step of a pending sign-in. */
  start: () => Promise<Started>;
  /** A server action that signs in with the answer; on success it redirects, so only refusals come back. */
  complete: (input: Completion) => Promise<FormState>;
  callbackUrl?: string;
  variant?: "primary" | "secondary";
};

/**
 * Signs in with a passkey: asks the server for a challenge, lets the browser's passkey
 * prompt answer it, and sends the answer back. Used alone on the sign-in page and as
 * the second step after a password; the two differ only in their actions.
 */
export function PasskeySignIn({ label, start, complete, callbackUrl, variant = "secondary" }: PasskeySignInProps) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const signIn = () =>
    startTransition(async () => {
      setError(undefined);
      const started = await start();
      if (!started.options) return setError(started.error ?? "Passkey sign-in could not start. Try again.");
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: started.options });
      } catch (cause) {
        return setError(describePasskeyError(cause));
      }
      const passkeyResponse = JSON.stringify(answer);
      const refused = await complete({ passkeyChallenge: started.passkeyChallenge, passkeyResponse, callbackUrl });
      setError(refused?.error ?? refused?.fieldErrors?.[0]?.message);
    });

  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="button" variant={variant} onClick={signIn} disabled={pending} className="w-full">
        {pending ? "Waiting for your passkey…" : label}
      </Button>
    </div>
  );
}
