"use client";

import { useActionState } from "react";
import { FormAlerts } from "@/components/forms/form-alerts";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function ForgotPasswordForm({ submit }: { submit: FormAction }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  if (state.success) return <FormAlerts state={state} />;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlerts state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={fieldError(state, "email")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
