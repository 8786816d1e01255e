import { useId, type InputHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
};

/**
 * A labelled input whose error is announced and tied to it for screen readers. Its id is
 * generated, so two forms on one page can both have a field called "name" or "password".
 */
export function TextField({ label, name, error, id, ...input }: TextFieldProps) {
  const generatedId = useId();
  return (
    <Field id={id ?? generatedId} label={label} error={error}>
      {(control) => <input {...control} name={name} className={controlClass} {...input} />}
    </Field>
  );
}
