"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";
import type { OrganizationPublic } from "@/lib/schemas/organization";

type DeleteOrganizationSectionProps = { remove: FormAction; organization: OrganizationPublic; canDelete: boolean };

/** The dangerous section, last on the settings page: deleting takes the organization's name typed out. */
export function DeleteOrganizationSection({ remove, organization, canDelete }: DeleteOrganizationSectionProps) {
  return (
    <section aria-labelledby="danger" className="max-w-md space-y-3 rounded-xl border border-red-300 p-4 dark:border-red-900">
      <h2 id="danger" className="text-lg font-medium">
        Delete organization
      </h2>
      <p className="text-sm text-muted">Members lose access at once and open invitations stop working.</p>
      <ActionForm
        action={remove}
        hidden={{ organizationId: organization.id }}
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
  );
}
