"use client";

import { useId } from "react";
import { OneTimeSecret } from "@/components/account/one-time-secret";
import { ConfirmationPasswordField } from "@/components/auth/confirmation-password-field";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { apiScopeDescriptions, apiScopes } from "@/lib/auth/scopes";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";

type TokenFormState = FormState & { created?: { name: string; token: string } };

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
  return (
    <div className="space-y-4">
      <ActionForm
        action={submit}
        submitLabel="Create token"
        pendingLabel="Creating…"
        success="status"
        header={(state) => (state.created ? <NewTokenSecret {...state.created} /> : null)}
        className="max-w-sm space-y-4"
      >
        {(state) => (
          <TokenFields state={state} expiries={expiries} defaultExpiry={defaultExpiry} reauthenticationMinutes={reauthenticationMinutes} />
        )}
      </ActionForm>
    </div>
  );
}

type TokenFieldsProps = {
  state: TokenFormState;
  expiries: { value: string; label: string }[];
  defaultExpiry: string;
  reauthenticationMinutes: number;
};

function TokenFields({ state, expiries, defaultExpiry, reauthenticationMinutes }: TokenFieldsProps) {
  const scopesError = fieldError(state, "scopes") ?? fieldError(state, "scopes.0");
  const scopesErrorId = useId();
  return (
    <>
      <TextField label="Token name" name="name" required defaultValue={state.values?.name} error={fieldError(state, "name")} />
      <fieldset aria-describedby={scopesError ? scopesErrorId : undefined} className="space-y-1">
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
          <p id={scopesErrorId} className="text-sm text-red-600 dark:text-red-400">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label="Expires after"
        name="expiresInDays"
        defaultValue={state.values?.expiresInDays ?? defaultExpiry}
        options={expiries}
        error={fieldError(state, "expiresInDays")}
      />
      <ConfirmationPasswordField state={state} reauthenticationMinutes={reauthenticationMinutes} />
    </>
  );
}
