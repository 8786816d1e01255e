import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";

/**
 * The password a form creating a credential asks for as proof, unless the session
 * confirmed who it is within the last minutes (the step-up rule).
 */
export function ConfirmationPasswordField({ state, reauthenticationMinutes }: { state: FormState; reauthenticationMinutes: number }) {
  return (
    <TextField
      label={`Your password (not needed within ${reauthenticationMinutes} minutes of signing in)`}
      name="password"
      type="password"
      autoComplete="current-password"
      error={fieldError(state, "password")}
    />
  );
}
