import { AppError } from "@/lib/errors";
import type { FormState } from "@/components/forms/form-state";

/**
 * Turns what a service refused into what a form shows: per-field messages inline, and
 * expected refusals (an expired link, too many attempts) as the form's one alert.
 * Anything unexpected is rethrown for the error page.
 */
export function formStateFromError(error: unknown, values: Record<string, string> = {}): FormState {
  if (!(error instanceof AppError) || error.code === "internal") throw error;
  if (error.fieldErrors) return { fieldErrors: error.fieldErrors, values };
  return { error: error.message, values };
}
