"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { useStepUp } from "@/components/auth/step-up-dialog";

type FactorRemoveFormProps = {
  remove: FormAction;
  factor: { id: string; name: string };
  /** The last factor turns the second step off, so removing it asks for the password or a code. */
  isLast: boolean;
};

export function FactorRemoveForm({ remove, factor, isLast }: FactorRemoveFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(remove, {});
  const stepUp = useStepUp(state, action);
  const codeError = fieldError(state, "code") ?? fieldError(state, "otp") ?? fieldError(state, "recoveryCode");
  return (
    <>
      <form action={stepUp.submit} noValidate className="space-y-3">
        <input type="hidden" name="factorId" value={factor.id} />
        <FormMessage state={state} />
        {isLast ? (
          <>
            <p className="text-sm text-muted">
              This is your only second factor: removing it turns two-factor authentication off. Confirm with your password, or with a code.
            </p>
            <TextField
              label="Your password"
              name="factorPassword"
              type="password"
              autoComplete="current-password"
              error={fieldError(state, "password")}
            />
            <TextField label="Or a code from your app, or a recovery code" name="factorCode" autoComplete="off" error={codeError} />
          </>
        ) : null}
        <Button type="submit" variant="danger" disabled={pending} aria-label={`Remove ${factor.name}`}>
          {pending ? "Removing…" : "Remove"}
        </Button>
      </form>
      {stepUp.dialog}
    </>
  );
}
