"use client";

import { AttributeValueFields } from "@/components/attributes/attribute-value-fields";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";
import type { AttributePublic, AttributeValues } from "@/lib/schemas/attributes";

type AttributeValuesFormProps = {
  submit: FormAction;
  userId: string;
  version: number;
  attributes: AttributePublic[];
  values: AttributeValues;
};

/** A user's values of the installation's attributes; a blank input clears its value. */
export function AttributeValuesForm({ submit, userId, version, attributes, values }: AttributeValuesFormProps) {
  if (attributes.length === 0) return <p className="text-sm text-muted">No attributes are defined for the installation.</p>;
  return (
    <ActionForm
      action={submit}
      resetKey={version}
      submitLabel="Save attributes"
      hidden={{ userId, version: String(version) }}
      className="grid gap-4 sm:grid-cols-2"
    >
      {(state) => <AttributeValueFields attributes={attributes} values={values} state={state} />}
    </ActionForm>
  );
}
