import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { formInput, keptValues } from "@/lib/actions/form-data";
import type { ActionState, FormState, StepUpCheck } from "@/lib/form-state";
import type { Actor } from "@/lib/auth/actor";
import { actionRule, type ActionName, type PublicActionName } from "@/lib/auth/action-catalogue";
import { sentField, type RawInput } from "@/lib/auth/action-rules";
import { getSessionActor } from "@/lib/session/auth";
import { AppError } from "@/lib/errors";
import { runInActionContext } from "@/lib/http/action-context";
import { toAppError } from "@/lib/http/problem";
import { logger } from "@/lib/logger";
import { currentRequestContext } from "@/lib/request-context";
import { authorizeAction } from "@/lib/services/auth/authorize-action";

/**
 * The catalogue action a form performs. A form that stands for several actions (a user's
 * lifecycle buttons; a webhook form used for the installation's and an organization's
 * endpoints) lists them all and chooses one from what was sent, as its service will.
 */
export type ActionChoice = ActionName | ChosenAction;
type ChosenAction = { actions: readonly ActionName[]; choose: (sent: RawInput) => ActionName | undefined };

/** A choice made by one field's value, from a table of the values allowed. */
export function chosenByField(field: string, table: Record<string, ActionName>): ChosenAction {
  return {
    actions: Object.values(table),
    choose: (sent) => {
      const value = sentField(sent, field);
      return typeof value === "string" && Object.hasOwn(table, value) ? table[value] : undefined;
    },
  };
}

type ActionOptions<Schema extends z.ZodType, Action extends ActionChoice> = {
  /** What the action does: its rules (who, step-up, view-as) come from the catalogue. */
  action: Action;
  /** Parses the submitted form, or the argument a client passes; without it the action takes no input. */
  schema?: Schema;
};

type ActionContext<Input, Action extends ActionChoice> = {
  /** Null only for public actions (signing in), whose caller is nobody yet. */
  actor: [Action] extends [PublicActionName] ? Actor | null : Actor;
  input: Input;
};

// An action without a schema takes nothing, so the client may call it with no argument.
type ActionArgs<Schema extends z.ZodType> =
  undefined extends z.input<Schema> ? [input?: z.input<Schema> | FormData] : [input: z.input<Schema> | FormData];

type Handler<Schema extends z.ZodType, Result extends object, Action extends ActionChoice> = (
  context: ActionContext<z.output<Schema>, Action>,
) => Promise<Result | void>;

/** The action a submission asks for; undefined when what was sent chooses none. */
const chosenAction = (choice: ActionChoice, sent: RawInput) => (typeof choice === "string" ? choice : choice.choose(sent));

/** Every action a form may perform, for the catalogue coverage test. */
const actionsOf = (choice: ActionChoice): ActionName[] => (typeof choice === "string" ? [choice] : [...new Set(choice.actions)]);

export const sessionEnded = "Your session has ended; sign in again.";

/**
 * Wraps every server action, as `withApi` wraps route handlers: the request context (so
 * rate limits, logs and audit events see the client's address, user agent and request
 * id), the signed-in caller, the action catalogue's rules for the action it performs
 * (who, "view as", enrolment, a global permission, step-up), the input parsed by its
 * schema, and one mapping of every refusal to form state. The handler is left with the
 * call into the service layer.
 *
 * The returned action takes a `FormData` (a form's action) or the client's argument.
 */
export function serverAction<
  Schema extends z.ZodType = z.ZodUndefined,
  Result extends object = object,
  Action extends ActionChoice = ActionName,
>(
  options: ActionOptions<Schema, Action>,
  handler: Handler<Schema, Result, Action>,
): ((...args: ActionArgs<Schema>) => Promise<ActionState<Result>>) & { actions: ActionName[] } {
  const run = async (raw: unknown): Promise<object> => {
    const values = raw instanceof FormData ? keptValues(raw) : undefined;
    try {
      const sent = raw instanceof FormData ? formInput(raw) : raw;
      const action = chosenAction(options.action, sent);
      // A choice no action stands for is the schema's to refuse, field by field; past it, nothing runs.
      if (!action) throw options.schema?.safeParse(sent).error ?? new AppError("bad_request", "The form asks for no known action.");
      const actor = actionRule(action).access === "public" ? null : await getSessionActor();
      if (!actor && actionRule(action).access !== "public") return { error: sessionEnded, code: "unauthorized", values };
      await authorizeAction(action, actor, async () => sent);
      const input = options.schema?.parse(sent);
      return (await handler({ actor, input } as ActionContext<z.output<Schema>, Action>)) ?? {};
    } catch (error) {
      return formStateFrom(error, values);
    }
  };
  const action = (...[raw]: ActionArgs<Schema>) => runInActionContext(() => run(raw)) as Promise<ActionState<Result>>;
  return Object.assign(action, { actions: actionsOf(options.action) });
}

/** The same, shaped for `useActionState`: (previous state, form data) → next state. */
export function formAction<
  Schema extends z.ZodType = z.ZodUndefined,
  Result extends object = object,
  Action extends ActionChoice = ActionName,
>(
  options: ActionOptions<Schema, Action>,
  handler: Handler<Schema, Result, Action>,
): ((previous: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>>) & { actions: ActionName[] } {
  const action = serverAction(options, handler);
  const formStep = (_previous: ActionState<Result>, formData: FormData) => action(...([formData] as ActionArgs<Schema>));
  return Object.assign(formStep, { actions: action.actions });
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
  if (stepUp) return { error: appError.message, code: appError.code, stepUp, values };
  if (appError.code !== "internal") {
    return appError.fieldErrors ? { fieldErrors: appError.fieldErrors, values } : { error: appError.message, code: appError.code, values };
  }
  logger.error({ err: appError.cause ?? error }, "server action failed");
  const requestId = currentRequestContext()?.requestId;
  return { error: `Something went wrong on our side; try again. If it happens again, quote request id ${requestId}.`, values };
}
