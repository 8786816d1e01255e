"use client";

import { fieldError } from "@/components/forms/form-state";
import type { OrgFormState } from "@/components/organizations/run-form-action";
import { TextField } from "@/components/ui/text-field";

/** Name and address inputs, shared by the create and settings forms. */
export function OrganizationFields({ state, defaults = {} }: { state: OrgFormState; defaults?: { name?: string; slug?: string } }) {
  return (
    <>
      <TextField label="Name" name="name" required defaultValue={state.values?.name ?? defaults.name} error={fieldError(state, "name")} />
      <TextField
        label="Address (used in links, e.g. acme-labs)"
        name="slug"
        required
        defaultValue={state.values?.slug ?? defaults.slug}
        error={fieldError(state, "slug")}
      />
    </>
  );
}
