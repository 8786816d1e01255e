"use client";

import { useActionState } from "react";
import { OneTimeSecret } from "@/components/account/one-time-secret";
import { FormMessage } from "@/components/forms/form-message";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";

type TokenFormState = FormState & { created?: { name: string; token: string } };
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { apiScopeDescriptions, apiScopes } from "@/lib/auth/scopes";
import { useStepUp } from "@/components/auth/step-up-dialog";

const expiryChoices = [
  [7, "7 days"],
  [30, "30 days"],
  [90, "90 days"],
  [365, "1 year"],
] as const;

/** The choices API_TOKEN_MAX_DAYS allows: "Never" only without a limit, the limit itself when it is not a listed choice. */
function allowedExpiries(maxDays: number): { value: string; label: string }[] {
  const listed = expiryChoices
    .filter(([days]) => maxDays === 0 || days <= maxDays)
    .map(([days, label]) => ({ value: String(days), label }));
  if (maxDays === 0) return [...listed, { value: "", label: "Never" }];
  return listed.some((choice) => choice.value === String(maxDays))
    ? listed
    : [...listed, { value: String(maxDays), label: `${maxDays} days` }];
}

/** A new secret, shown once with a copy button; for personal access tokens and SCIM tokens alike. */
export function NewTokenSecret({ name, token }: { name: string; token: string }) {
  const message = `Token “${name}” created. Copy it now: it will not be shown again.`;
  return <OneTimeSecret message={message} value={token} testId="new-token-secret" copyLabel="Copy token" />;
}

type TokenCreateFormProps = { submit: FormAction<TokenFormState>; maxDays: number; reauthenticationMinutes: number };

export function TokenCreateForm({ submit, maxDays, reauthenticationMinutes }: TokenCreateFormProps) {
  const expiries = allowedExpiries(maxDays);
  const defaultExpiry = expiries.find((choice) => choice.value === "30")?.value ?? expiries.at(-1)!.value;
  const [state, action, pending] = useActionState<TokenFormState, FormData>(submit, {});
  const stepUp = useStepUp(state, action);
  const scopesError = fieldError(state, "scopes") ?? fieldError(state, "scopes.0");
  return (
    <div className="space-y-4">
      {state.created ? <NewTokenSecret {...state.created} /> : null}
      <form action={stepUp.submit} noValidate className="max-w-sm space-y-4">
        <FormMessage state={state} />
        <TextField label="Token name" name="name" required defaultValue={state.values?.name} error={fieldError(state, "name")} />
        <fieldset aria-describedby={scopesError ? "scopes-error" : undefined} className="space-y-1">
          <legend className="text-sm font-medium">Scopes</legend>
          {apiScopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} className="mt-1" />
              <span>
                <span className="font-medium">{scope}</span> – {apiScopeDescriptions[scope]}
              </span>
            </label>
          ))}
          {scopesError ? (
            <p id="scopes-error" className="text-sm text-red-600 dark:text-red-400">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="expiresInDays" className="block text-sm font-medium">
            Expires after
          </label>
          <select
            id="expiresInDays"
            name="expiresInDays"
            defaultValue={state.values?.expiresInDays ?? defaultExpiry}
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {expiries.map(({ value, label }) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
          {fieldError(state, "expiresInDays") ? (
            <p className="text-sm text-red-600 dark:text-red-400">{fieldError(state, "expiresInDays")}</p>
          ) : null}
        </div>
        <TextField
          label={`Your password (not needed within ${reauthenticationMinutes} minutes of signing in)`}
          // Not "password": the account page's password section already has that id.
          name="tokenPassword"
          type="password"
          autoComplete="current-password"
          error={fieldError(state, "password")}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {stepUp.dialog}
    </div>
  );
}
