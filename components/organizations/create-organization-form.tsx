"use client";

import { createOrganizationAction } from "@/app/orgs/new/actions";
import { ActionForm } from "@/components/organizations/action-form";
import { OrganizationFields } from "@/components/organizations/organization-fields";

export function CreateOrganizationForm() {
  return (
    <ActionForm action={createOrganizationAction} submitLabel="Create organization" className="space-y-4">
      {(state) => <OrganizationFields state={state} />}
    </ActionForm>
  );
}
