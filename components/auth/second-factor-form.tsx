"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";

type Method = "totp" | "recovery_code";

type SecondFactorFormProps = {
  submit: FormAction;
  callbackUrl: string;
  /** Other ways to finish signing in (a passkey), shown below the code form. */
  otherMethods?: ReactNode;
};

/** The second step of signing in: a code from the authenticator app, or, switched to, a recovery code. */
export function SecondFactorForm({ submit, callbackUrl, otherMethods }: SecondFactorFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  const [method, setMethod] = useState<Method>("totp");
  return (
    <div className="space-y-4">
      <form action={action} noValidate className="space-y-4">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="method" value={method} />
        <FormMessage state={state} />
        {method === "totp" ? (
          <TextField
            key="otp"
            label="Code from your authenticator app"
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            required
            error={fieldError(state, "otp")}
          />
        ) : (
          <TextField
            key="recoveryCode"
            label="Recovery code"
            name="recoveryCode"
            autoComplete="off"
            autoFocus
            required
            error={fieldError(state, "recoveryCode")}
          />
        )}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
      </form>
      <button type="button" className="text-sm text-link underline" onClick={() => setMethod(method === "totp" ? "recovery_code" : "totp")}>
        {method === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
      </button>
      {otherMethods ? <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">{otherMethods}</div> : null}
    </div>
  );
}
