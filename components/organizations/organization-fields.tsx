"use client";

import { fieldError } from "@/lib/actions/form-state";
import type { FormState } from "@/lib/actions/form-state";
import { TextField } from "@/components/ui/text-field";

/** Name and address inputs, shared by the create and settings forms. */
export function OrganizationFields({ state, defaults = {} }: { state: FormState; defaults?: { name?: string; slug?: string } }) {
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
