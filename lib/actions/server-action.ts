import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { formInput, keptValues } from "@/lib/actions/form-data";
import type { FormState, StepUpCheck } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { refuseBeforeSecondFactor } from "@/lib/auth/second-factor-gate";
import { runInActionContext } from "@/lib/http/action-context";
import { toAppError } from "@/lib/http/problem";
import { logger } from "@/lib/logger";
import { currentRequestContext } from "@/lib/request-context";

type ActionOptions<Schema extends z.ZodType, Auth extends boolean> = {
  /** Parses the submitted form, or the argument a client passes; without it the action takes no input. */
  schema?: Schema;
  /** Whether a signed-in caller is required. Defaults to true: public actions say so. */
  authenticated?: Auth;
  /** Open to a caller who must still set up a second factor (second-factor-gate.ts): only what enrolment needs. */
  beforeSecondFactor?: boolean;
};

type ActionContext<Input, Auth extends boolean> = {
  actor: Auth extends false ? null : Actor;
  input: Input;
};

/** What an action answers: the shared form state, plus what its own success carries. */
export type ActionState<Result extends object = object> = FormState & Partial<[Result] extends [never] ? object : Result>;

// An action without a schema takes nothing, so the client may call it with no argument.
type ActionArgs<Schema extends z.ZodType> =
  undefined extends z.input<Schema> ? [input?: z.input<Schema> | FormData] : [input: z.input<Schema> | FormData];

type Handler<Schema extends z.ZodType, Result extends object, Auth extends boolean> = (
  context: ActionContext<z.output<Schema>, Auth>,
) => Promise<Result | void>;

export const sessionEnded = "Your session has ended; sign in again.";

/**
 * Wraps every server action, as `withApi` wraps route handlers: the request context (so
 * rate limits, logs and audit events see the client's address, user agent and request
 * id), the signed-in caller, the input parsed by its schema, and one mapping of every
 * refusal to form state. The handler is left with the call into the service layer.
 *
 * The returned action takes a `FormData` (a form's action) or the client's argument.
 */
export function serverAction<Schema extends z.ZodType = z.ZodUndefined, Result extends object = object, Auth extends boolean = true>(
  options: ActionOptions<Schema, Auth>,
  handler: Handler<Schema, Result, Auth>,
): (...args: ActionArgs<Schema>) => Promise<ActionState<Result>> {
  const run = async (raw: unknown): Promise<object> => {
    const values = raw instanceof FormData ? keptValues(raw) : undefined;
    try {
      const actor = options.authenticated === false ? null : await getSessionActor();
      if (options.authenticated !== false && !actor) return { error: sessionEnded, values };
      refuseBeforeSecondFactor(actor, options.beforeSecondFactor);
      const input = options.schema?.parse(raw instanceof FormData ? formInput(raw) : raw);
      return (await handler({ actor, input } as ActionContext<z.output<Schema>, Auth>)) ?? {};
    } catch (error) {
      return formStateFrom(error, values);
    }
  };
  return (...[raw]) => runInActionContext(() => run(raw)) as Promise<ActionState<Result>>;
}

/** The same, shaped for `useActionState`: (previous state, form data) → next state. */
export function formAction<Schema extends z.ZodType = z.ZodUndefined, Result extends object = object, Auth extends boolean = true>(
  options: ActionOptions<Schema, Auth>,
  handler: Handler<Schema, Result, Auth>,
): (previous: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>> {
  const action = serverAction(options, handler);
  return (_previous, formData) => action(...([formData] as ActionArgs<Schema>));
}

const stepUpChecks: Partial<Record<string, StepUpCheck>> = {
  reauthentication_required: "password",
  second_factor_required: "second_factor",
};

/**
 * Refusals (invalid fields, a known AppError) become what the form shows; Next.js's own
 * control flow (redirect, notFound) passes through; anything else is logged with the
 * request id, which the person also sees so that support can find the log line.
 */
function formStateFrom(error: unknown, values: Record<string, string> | undefined): FormState {
  unstable_rethrow(error);
  const appError = toAppError(error);
  const stepUp = stepUpChecks[appError.code];
  if (stepUp) return { error: appError.message, stepUp, values };
  if (appError.code !== "internal") {
    return appError.fieldErrors ? { fieldErrors: appError.fieldErrors, values } : { error: appError.message, values };
  }
  logger.error({ err: appError.cause ?? error }, "server action failed");
  const requestId = currentRequestContext()?.requestId;
  return { error: `Something went wrong on our side; try again. If it happens again, quote request id ${requestId}.`, values };
}
