"use client";

import { AttributeValueFields } from "@/components/attributes/attribute-value-fields";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";
import type { AttributePublic, AttributeValues } from "@/lib/schemas/attributes";

type AttributeValuesFormProps = {
  submit: FormAction;
  /** What says whose values these are (a user and their version, or an organization and a member). */
  hidden: Record<string, string>;
  /** Changes when the values were saved, so the form shows them afresh. */
  resetKey: string | number;
  attributes: AttributePublic[];
  values: AttributeValues;
  /** Why nothing can be changed here, for a viewer who may only read. */
  disabledReason?: string;
  /** The keys of the attributes this viewer may change (the member: those marked `edit`); all by default. */
  editableKeys?: string[];
};

/** A user's or member's values of a scope's attributes; a blank input clears its value. */
export function AttributeValuesForm(props: AttributeValuesFormProps) {
  const { submit, hidden, resetKey, attributes, values, disabledReason, editableKeys } = props;
  return (
    <ActionForm
      action={submit}
      resetKey={resetKey}
      submitLabel="Save attributes"
      hidden={hidden}
      disabledReason={disabledReason}
      className="grid gap-4 sm:grid-cols-2"
    >
      {(state) => (
        <AttributeValueFields
          attributes={attributes}
          values={values}
          state={state}
          editable={(attribute) => disabledReason === undefined && (editableKeys?.includes(attribute.key) ?? true)}
        />
      )}
    </ActionForm>
  );
}
