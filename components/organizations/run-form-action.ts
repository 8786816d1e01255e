import "server-only";
import { ZodError } from "zod";
import type { FormState } from "@/components/forms/form-state";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/problem";

/** A form's answer: FormState plus, on success, a short message to confirm what happened. */
export type OrgFormState = FormState & { done?: string };

/**
 * The common frame of the organization pages' server actions: a signed-in caller, then
 * the service call, with every refusal turned into a message the form shows inline.
 * Anything else (including Next.js redirects) propagates.
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
    if (!(error instanceof ZodError || error instanceof AppError)) throw error;
    const appError = toAppError(error);
    return { error: appError.fieldErrors ? undefined : appError.message, fieldErrors: appError.fieldErrors, values };
  }
}
