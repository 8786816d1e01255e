"use client";

import { fieldError, type FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { OrganizationFields } from "@/components/organizations/organization-fields";
import { TextField } from "@/components/ui/text-field";
import type { OrganizationPublic } from "@/lib/schemas/organization";

type SettingsProps = {
  actions: { update: FormAction; security: FormAction; remove: FormAction };
  organization: OrganizationPublic;
  canUpdate: boolean;
  canDelete: boolean;
};

export function OrganizationSettingsForms({ actions, organization, canUpdate, canDelete }: SettingsProps) {
  const hidden = { organizationId: organization.id };
  return (
    <div className="max-w-md space-y-10">
      <ActionForm
        action={actions.update}
        hidden={hidden}
        submitLabel="Save"
        className="space-y-3"
        disabledReason={canUpdate ? undefined : "Your role cannot change the organization."}
      >
        {(state) => <OrganizationFields state={state} defaults={organization} />}
      </ActionForm>
      <section aria-labelledby="security" className="space-y-3">
        <h2 id="security" className="text-lg font-medium">
          Security
        </h2>
        <ActionForm
          action={actions.security}
          hidden={hidden}
          submitLabel="Update security"
          className="space-y-3"
          disabledReason={canUpdate ? undefined : "Your role cannot change the organization."}
        >
          {(state) => (
            <>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="mfaRequired" defaultChecked={organization.mfaRequired} className="mt-1" />
                <span>
                  Members must use two-factor authentication
                  <span className="block text-muted">
                    Members without an authenticator app or a passkey are asked to set one up the next time they use the app, and can do
                    nothing else until they have.
                  </span>
                </span>
              </label>
              {fieldError(state, "mfaRequired") ? (
                <p className="text-sm text-red-600 dark:text-red-400">{fieldError(state, "mfaRequired")}</p>
              ) : null}
            </>
          )}
        </ActionForm>
      </section>
      <section aria-labelledby="danger" className="space-y-3 rounded-xl border border-red-300 p-4 dark:border-red-900">
        <h2 id="danger" className="text-lg font-medium">
          Delete organization
        </h2>
        <p className="text-sm text-muted">Members lose access at once and open invitations stop working.</p>
        <ActionForm
          action={actions.remove}
          hidden={hidden}
          submitLabel="Delete organization"
          variant="danger"
          className="space-y-3"
          disabledReason={canDelete ? undefined : "Only owners can delete the organization."}
        >
          {(state) => (
            <TextField
              label={`Type ${organization.name} to confirm`}
              name="confirm"
              autoComplete="off"
              error={fieldError(state, "confirm")}
            />
          )}
        </ActionForm>
      </section>
    </div>
  );
}
