"use client";

import { useActionState } from "react";
import { FormAlerts } from "@/components/forms/form-alerts";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function SignUpForm({ submit }: { submit: FormAction }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  if (state.success) return <FormAlerts state={state} />;
  return (
    <form action={action} noValidate className="space-y-4">
      <FormAlerts state={state} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={fieldError(state, "name")}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={fieldError(state, "email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, "password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
