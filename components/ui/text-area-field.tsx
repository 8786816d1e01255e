import { useId, type TextareaHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
};

/** A labelled text area, its error announced and tied to it like a TextField's. */
export function TextAreaField({ label, name, error, id, ...textarea }: TextAreaFieldProps) {
  const generatedId = useId();
  return (
    <Field id={id ?? generatedId} label={label} error={error}>
      {(control) => <textarea {...control} name={name} className={controlClass} {...textarea} />}
    </Field>
  );
}
