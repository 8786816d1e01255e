import "server-only";
import type { FormState } from "@/components/forms/form-state";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { toAppError } from "@/lib/http/problem";

/** A form's answer: FormState plus, on success, a short message to confirm what happened. */
export type OrgFormState = FormState & { done?: string };

/**
 * The common frame of the organization pages' server actions: a signed-in caller, then
 * the service call, with every refusal turned into a message the form shows inline.
 */
export async function runFormAction(
  work: (actor: Actor) => Promise<string | void>,
  values?: Record<string, string>,
): Promise<OrgFormState> {
  const actor = await getSessionActor();
  if (!actor) return { error: "Your session has ended; sign in again.", values };
  try {
    return { done: (await work(actor)) ?? "Saved." };
  } catch (error) {
    // Known refusals (including a unique index that wins a race) become messages; anything
    // else, Next.js redirects among them, is not the form's business.
    const appError = toAppError(error);
    if (appError.code === "internal") throw error;
    return { error: appError.fieldErrors ? undefined : appError.message, fieldErrors: appError.fieldErrors, values };
  }
}
