"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlerts } from "@/components/forms/form-alerts";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function ResetPasswordForm({ submit, token }: { submit: FormAction; token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  if (state.success) {
    return (
      <div className="space-y-4">
        <FormAlerts state={state} />
        <Link href="/sign-in" className="text-sm text-link underline">
          Sign in
        </Link>
      </div>
    );
  }
  // A bad token is the link's fault, not a field the person can fix; show it as the form's alert.
  const linkProblem = fieldError(state, "token");
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlerts state={linkProblem ? { error: linkProblem } : state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, "password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
