"use client";

import { fieldError, type FormAction } from "@/lib/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { OrganizationFields } from "@/components/organizations/organization-fields";
import type { OrganizationPublic } from "@/lib/schemas/organization";

type SettingsProps = {
  actions: { update: FormAction; security: FormAction };
  organization: OrganizationPublic;
  canUpdate: boolean;
};

/** The organization's name and address, and its security rule; the page adds its other sections after them. */
export function OrganizationSettingsForms({ actions, organization, canUpdate }: SettingsProps) {
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
    </div>
  );
}
