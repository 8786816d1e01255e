"use client";

import { ActionForm } from "@/components/forms/action-form";
import { OrganizationFields } from "@/components/organizations/organization-fields";
import type { FormAction } from "@/lib/form-state";

export function CreateOrganizationForm({ submit }: { submit: FormAction }) {
  return (
    <ActionForm action={submit} submitLabel="Create organization" className="space-y-4">
      {(state) => <OrganizationFields state={state} deriveSlug />}
    </ActionForm>
  );
}
