import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormState } from "@/lib/form-state";

/** The account's address, kept after a refusal; browsers' password managers know it as the user name. */
export function EmailField({ state }: { state: FormState }) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      autoComplete="username"
      required
      defaultValue={state.values?.email}
      error={fieldError(state, "email")}
    />
  );
}

/** A password, never kept after a refusal: `current` to sign in, `new` to choose one (the manager offers to make it). */
export function PasswordField({ state, label, purpose }: { state: FormState; label: string; purpose: "current" | "new" }) {
  return (
    <TextField
      label={label}
      name="password"
      type="password"
      autoComplete={purpose === "new" ? "new-password" : "current-password"}
      required
      error={fieldError(state, "password")}
    />
  );
}
