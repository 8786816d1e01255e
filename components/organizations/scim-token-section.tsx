"use client";

import { NewTokenSecret } from "@/components/account/token-create-form";
import { ConfirmationPasswordField } from "@/components/auth/confirmation-password-field";
import { ActionForm } from "@/components/forms/action-form";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";
import type { ScimTokenPublic } from "@/lib/schemas/scim-token";

type CreatedState = FormState & { created?: { name: string; token: string } };

type ScimTokenSectionProps = {
  organizationId: string;
  /** The SCIM base URL identity providers are given, e.g. https://users.example.com/scim/v2. */
  baseUrl: string;
  tokens: ScimTokenPublic[];
  actions: { create: FormAction<CreatedState>; revoke: FormAction };
  reauthenticationMinutes: number;
};

/** The organization's SCIM tokens: what an identity provider needs to provision its members, and a way to cut it off. */
export function ScimTokenSection({ organizationId, baseUrl, tokens, actions, reauthenticationMinutes }: ScimTokenSectionProps) {
  return (
    <section aria-labelledby="scim" className="space-y-3">
      <h2 id="scim" className="text-lg font-medium">
        SCIM provisioning
      </h2>
      <p className="text-sm text-muted">
        Give your identity provider (Okta, Microsoft Entra ID, Google Workspace) the base URL <code>{baseUrl}</code> and a token below. It
        can then add, change and remove this organization&apos;s members and groups (groups become custom roles), for addresses in the
        verified domains above.
      </p>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">No SCIM tokens yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {tokens.map((token) => (
            <li key={token.id} data-testid="scim-token" className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
              <div className="space-y-0.5">
                <p className="font-medium">
                  {token.name} <code className="ml-1 text-xs text-muted">{token.prefix}…</code>
                </p>
                <p className="text-muted">
                  created <LocalTime iso={token.createdAt} /> · last used <LocalTime iso={token.lastUsedAt} />
                </p>
              </div>
              <ActionForm
                action={actions.revoke}
                hidden={{ organizationId, tokenId: token.id }}
                variant="secondary"
                submitLabel="Revoke"
                submitDescription={`Revoke SCIM token ${token.name}`}
              />
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        action={actions.create}
        submitLabel="Create SCIM token"
        pendingLabel="Creating…"
        success="status"
        hidden={{ organizationId }}
        header={(state) => (state.created ? <NewTokenSecret {...state.created} /> : null)}
        className="space-y-3"
      >
        {(state) => (
          <>
            <TextField label="Token name" name="name" required defaultValue={state.values?.name} error={fieldError(state, "name")} />
            <ConfirmationPasswordField state={state} reauthenticationMinutes={reauthenticationMinutes} />
          </>
        )}
      </ActionForm>
    </section>
  );
}
