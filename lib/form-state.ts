import type { FieldError } from "@/lib/errors";

/** What a server action hands back to its form: errors to show inline and values to keep. */
export type FormState = {
  error?: string;
  /** Which refusal `error` is (the API's problem code), for a form that reacts to one kind. */
  code?: string;
  /** A confirmation to announce once the action succeeded. */
  success?: string;
  fieldErrors?: FieldError[];
  values?: Record<string, string>;
  /** A sensitive action asks the person to confirm who they are first (step-up); the form opens the confirmation dialog. */
  stepUp?: StepUpCheck;
};

/** Which confirmation a sensitive action needs: a second-factor code, or the password for accounts without one. */
export type StepUpCheck = "password" | "second_factor";

/** What an action answers: the shared form state, plus what its own success carries. */
export type ActionState<Result extends object = object> = FormState & Partial<[Result] extends [never] ? object : Result>;

export function fieldError(state: FormState, field: string): string | undefined {
  return state.fieldErrors?.find((error) => error.field === field)?.message;
}

/** A server action as a form calls it through `useActionState`; pages hand it to the form. */
export type FormAction<State extends FormState = FormState> = (previous: State, formData: FormData) => Promise<State>;

/** A server action the client calls with one argument, which the server validates. */
export type CallAction<Input> = (input: Input) => Promise<FormState>;
