"use client";

import { useActionState } from "react";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function SignInForm({ submit, callbackUrl }: { submit: FormAction; callbackUrl?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  return (
    <form action={action} noValidate className="space-y-4">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {state.error}
        </p>
      ) : null}
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
        autoComplete="current-password"
        required
        error={fieldError(state, "password")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
