import type { InputHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
};

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField({ label, name, error, ...input }: TextFieldProps) {
  return (
    <Field id={name} label={label} error={error}>
      {(control) => <input {...control} name={name} className={controlClass} {...input} />}
    </Field>
  );
}
