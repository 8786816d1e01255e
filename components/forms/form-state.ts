import type { FieldError } from "@/lib/errors";

/** What a server action hands back to its form: errors to show inline and values to keep. */
export type FormState = {
  error?: string;
  /** A confirmation to announce once the action succeeded. */
  success?: string;
  fieldErrors?: FieldError[];
  values?: Record<string, string>;
};

export function fieldError(state: FormState, field: string): string | undefined {
  return state.fieldErrors?.find((error) => error.field === field)?.message;
}
