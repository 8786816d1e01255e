"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";
import type { AttributePublic, AttributeValues } from "@/lib/schemas/attributes";

type AttributeValuesFormProps = {
  submit: FormAction;
  userId: string;
  version: number;
  attributes: AttributePublic[];
  values: AttributeValues;
};

const inputType = { text: "text", number: "number", date: "date" } as const;

/** One input per attribute, named `attributes.<key>` as the API names it, so refusals land beside their input; blank clears. */
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
      {(state) =>
        attributes.map((attribute) => {
          const name = `attributes.${attribute.key}`;
          const current = state.values?.[name] ?? (values[attribute.key] === undefined ? "" : String(values[attribute.key]));
          const label = attribute.required ? `${attribute.label} (required)` : attribute.label;
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
            />
          );
        })
      }
    </ActionForm>
  );
}
