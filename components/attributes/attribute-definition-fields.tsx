import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { AttributePublic } from "@/lib/schemas/attributes";
import { attributeTypes } from "@/lib/schemas/attributes";

const accessOptions = [
  { value: "none", label: "Administrators only" },
  { value: "read", label: "The user sees it" },
  { value: "edit", label: "The user sees and changes it" },
];

type Errors = Record<string, string | undefined>;

/**
 * The fields of a definition, for defining one (with its key) and for changing one (the
 * key stays). An edit form's checkboxes send a hidden "off" first, so unticking counts.
 */
export function AttributeDefinitionFields({ attribute, errors = {} }: { attribute?: AttributePublic; errors?: Errors }) {
  return (
    <>
      {attribute ? null : <TextField label="Key" name="key" required error={errors.key} placeholder="cost_centre" autoComplete="off" />}
      <TextField label="Label" name="label" required defaultValue={attribute?.label} error={errors.label} />
      <SelectField
        label="Type"
        name="type"
        defaultValue={attribute?.type ?? "text"}
        options={attributeTypes.map((type) => ({ value: type, label: type === "enum" ? "one of a list" : type }))}
        error={errors.type}
      />
      <TextAreaField
        label="Options (enum only, one per line)"
        name="options"
        rows={3}
        defaultValue={attribute?.options.join("\n")}
        error={errors.options}
      />
      <SelectField
        label="Who besides administrators"
        name="userAccess"
        defaultValue={attribute?.userAccess ?? "none"}
        options={accessOptions}
      />
      <div className="flex gap-6 text-sm">
        {(["required", "unique"] as const).map((flag) => (
          <label key={flag} className="flex items-center gap-2">
            {attribute ? <input type="hidden" name={flag} value="off" /> : null}
            <input type="checkbox" name={flag} defaultChecked={attribute?.[flag]} />
            {flag === "required" ? "Required" : "Unique"}
          </label>
        ))}
      </div>
      {errors.unique ? <p className="text-sm text-red-600 dark:text-red-400">{errors.unique}</p> : null}
    </>
  );
}
