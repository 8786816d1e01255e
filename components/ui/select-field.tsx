import { useId, type SelectHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  error?: string;
};

/**
 * A labelled native select: the platform's own picker is the most accessible one on
 * phones and screen readers, so it is used rather than a custom listbox.
 */
export function SelectField({ label, name, options, error, id, ...select }: SelectFieldProps) {
  const generatedId = useId();
  return (
    <Field id={id ?? generatedId} label={label} error={error}>
      {(control) => (
        <select {...control} name={name} className={controlClass} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
