import type { FieldError } from "@/lib/errors";

/** What a server action hands back to its form: errors to show inline and values to keep. */
export type FormState = {
  error?: string;
  /** Shown in place of the form once it has done its work. */
  success?: string;
  fieldErrors?: FieldError[];
  values?: Record<string, string>;
};

export function fieldError(state: FormState, field: string): string | undefined {
  return state.fieldErrors?.find((error) => error.field === field)?.message;
}
