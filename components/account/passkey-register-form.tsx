"use client";

import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";
import { describePasskeyError } from "@/lib/passkey-ceremony-errors";

type PasskeyRegisterFormProps = {
  /** Checks the name and gives the options for the browser's prompt. */
  start: (input: { name: string }) => Promise<FormState & { options?: PublicKeyCredentialCreationOptionsJSON }>;
  /** Verifies the browser's answer (as JSON text) and stores the passkey. */
  finish: (input: { name: string; response: string }) => Promise<FormState>;
};

/** Adds a passkey: a name, then the browser's prompt (fingerprint, face, PIN or security key), then the server's check. */
export function PasskeyRegisterForm({ start, finish }: PasskeyRegisterFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(async (_previous, form) => {
    const name = String(form.get("passkeyName") ?? "");
    const started = await start({ name });
    if (!started.options) return { ...started, values: { name } };
    try {
      const response = await startRegistration({ optionsJSON: started.options });
      return { ...(await finish({ name, response: JSON.stringify(response) })), values: { name } };
    } catch (cause) {
      return { error: describePasskeyError(cause), values: { name } };
    }
  }, {});
  const stepUp = useStepUp(state, action);
  useEffect(() => {
    if (state.success) toast.success(state.success);
  }, [state]);

  const refusal = state.error ?? fieldError(state, "response");
  return (
    <form action={stepUp.submit} noValidate className="space-y-3">
      {refusal ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {refusal}
        </p>
      ) : null}
      <TextField
        label="Passkey name"
        // Not "name": the token form on the same page has a field of that name, and ids must be unique.
        name="passkeyName"
        placeholder="e.g. Work laptop"
        maxLength={100}
        required
        defaultValue={state.success ? "" : state.values?.name}
        error={fieldError(state, "name")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Add a passkey"}
      </Button>
      {stepUp.dialog}
    </form>
  );
}
