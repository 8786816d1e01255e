"use client";

import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";
import type { AttributePublic, AttributeValues } from "@/lib/schemas/attributes";

const inputType = { text: "text", number: "number", date: "date" } as const;

/**
 * One input per attribute, named `attributes.<key>` as the API names it, so refusals land
 * beside their input: a list for booleans and enums, else a typed text input. Blank means
 * no value. Shown in a form that sends them as text (attributeSource "text"). An
 * attribute the person may not change is shown disabled, so the form does not send it.
 */
export function AttributeValueFields({
  attributes,
  values = {},
  state,
  editable = () => true,
}: {
  attributes: AttributePublic[];
  values?: AttributeValues;
  state: FormState;
  editable?: (attribute: AttributePublic) => boolean;
}) {
  return attributes.map((attribute) => {
    const name = `attributes.${attribute.key}`;
    const current = state.values?.[name] ?? (values[attribute.key] === undefined ? "" : String(values[attribute.key]));
    const disabled = !editable(attribute);
    const label = disabled
      ? `${attribute.label} (set by an administrator)`
      : attribute.required
        ? `${attribute.label} (required)`
        : attribute.label;
    if (attribute.type === "boolean" || attribute.type === "enum") {
      const choices = attribute.type === "boolean" ? ["true", "false"] : attribute.options;
      return (
        <SelectField
          key={attribute.key}
          label={label}
          name={name}
          defaultValue={current}
          options={[{ value: "", label: "—" }, ...choices.map((choice) => ({ value: choice, label: choice }))]}
          error={fieldError(state, name)}
          disabled={disabled}
        />
      );
    }
    return (
      <TextField
        key={attribute.key}
        label={label}
        name={name}
        type={inputType[attribute.type]}
        step={attribute.type === "number" ? "any" : undefined}
        defaultValue={current}
        error={fieldError(state, name)}
        disabled={disabled}
      />
    );
  });
}
