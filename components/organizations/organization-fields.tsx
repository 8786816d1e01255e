"use client";

import { useState } from "react";
import { fieldError } from "@/lib/form-state";
import type { FormState } from "@/lib/form-state";
import { slugFromName } from "@/lib/slug-from-name";
import { TextField } from "@/components/ui/text-field";

type OrganizationFieldsProps = {
  state: FormState;
  defaults?: { name?: string; slug?: string };
  /** A new organization: the address follows the name until the person edits it. */
  deriveSlug?: boolean;
};

/** Name and address inputs, shared by the create and settings forms. */
export function OrganizationFields({ state, defaults = {}, deriveSlug = false }: OrganizationFieldsProps) {
  const [slug, setSlug] = useState(state.values?.slug ?? defaults.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(state.values?.slug));
  return (
    <>
      <TextField
        label="Name"
        name="name"
        required
        defaultValue={state.values?.name ?? defaults.name}
        error={fieldError(state, "name")}
        onChange={deriveSlug && !slugEdited ? (event) => setSlug(slugFromName(event.target.value)) : undefined}
      />
      <TextField
        label="Address (used in links, e.g. acme-labs)"
        name="slug"
        required
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          setSlugEdited(true);
        }}
        error={fieldError(state, "slug")}
      />
    </>
  );
}
