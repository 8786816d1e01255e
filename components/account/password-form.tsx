"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useStepUp } from "@/components/auth/step-up-dialog";

export function PasswordForm({ submit }: { submit: FormAction }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  const stepUp = useStepUp(state, action);
  return (
    <>
      <form action={stepUp.submit} noValidate className="max-w-sm space-y-4">
        <FormMessage state={state} />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(state, "currentPassword")}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          error={fieldError(state, "newPassword")}
        />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="revokeTokens" defaultChecked className="mt-1" />
          <span>Also revoke my personal access tokens (whoever knew the old password may have made one)</span>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </form>
      {stepUp.dialog}
    </>
  );
}
