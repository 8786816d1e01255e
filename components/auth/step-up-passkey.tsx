"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";
import { describePasskeyError } from "@/lib/passkey-ceremony-errors";

/** A server action that starts the ceremony: the challenge to sign, and the handle it is stored under. */
export type StartPasskeyConfirmation = () => Promise<
  FormState & { options?: PublicKeyCredentialRequestOptionsJSON; passkeyChallenge?: string }
>;

type StepUpPasskeyProps = {
  start: StartPasskeyConfirmation;
  /** The confirmation dialog's form action: the answer goes the way a code does. */
  answer: (formData: FormData) => void;
  /** Why the server refused the last answer, if it did. */
  refusal?: string;
  disabled: boolean;
};

/**
 * The confirmation dialog's "Use a passkey": asks for a challenge only the account's own
 * passkeys may answer, lets the browser's prompt answer it, and sends the answer through
 * the dialog's own action, so a right answer continues exactly as a right code does.
 */
export function StepUpPasskey({ start, answer, refusal, disabled }: StepUpPasskeyProps) {
  const [error, setError] = useState<string>();
  const [waiting, startWaiting] = useTransition();

  const confirmWithPasskey = () =>
    startWaiting(async () => {
      setError(undefined);
      const started = await start();
      if (!started.options || !started.passkeyChallenge) return setError(started.error ?? "The passkey check could not start. Try again.");
      let response;
      try {
        response = await startAuthentication({ optionsJSON: started.options });
      } catch (cause) {
        return setError(describePasskeyError(cause));
      }
      const formData = new FormData();
      formData.set("passkeyChallenge", started.passkeyChallenge);
      formData.set("passkeyResponse", JSON.stringify(response));
      // After an await the transition has ended; the answer is sent in a new one, as form actions must be.
      startWaiting(() => answer(formData));
    });

  const shown = error ?? refusal;
  return (
    <div className="space-y-2">
      {shown ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {shown}
        </p>
      ) : null}
      <Button type="button" variant="secondary" onClick={confirmWithPasskey} disabled={disabled || waiting}>
        {waiting ? "Waiting for your passkey…" : "Use a passkey"}
      </Button>
    </div>
  );
}
