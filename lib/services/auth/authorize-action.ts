import "server-only";
import { actionRule, type ActionName } from "@/lib/auth/action-catalogue";
import {
  actionRefusal,
  isDirectoryCaller,
  needsStepUp,
  sentField,
  type ActionRule,
  type Caller,
  type RawInput,
} from "@/lib/auth/action-rules";
import { requireStepUp, type StepUpProof } from "@/lib/services/auth/require-step-up";

const textField = (input: RawInput, name: string | undefined) => {
  const value = name === undefined ? undefined : sentField(input, name);
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** The proof a request carries along, read from its input as sent: codes as `otp`/`recoveryCode`, the password where the action names its field. */
function proofSent(rule: ActionRule, input: RawInput): StepUpProof {
  return {
    otp: textField(input, "otp"),
    recoveryCode: textField(input, "recoveryCode"),
    password: textField(input, rule.passwordProofField),
  };
}

/**
 * Whether this caller may take this action with this input, as the action catalogue
 * declares it: the caller's kind, a token's organization limit and scopes, a "view as"
 * session, the second-factor enrolment gate and a global permission (`actionRefusal`),
 * then a recent confirmation where the action asks for one. Every entry point's wrapper
 * calls it before its input is parsed, so a caller who may not act learns nothing from
 * validation either; the input as sent is read only when a step-up rule needs it (its
 * proof, or a rule that depends on what was asked). Throws the refusal.
 */
export async function authorizeAction(name: ActionName, caller: Caller, input: () => Promise<RawInput>): Promise<void> {
  const rule = actionRule(name);
  const refusal = actionRefusal(rule, caller);
  if (refusal) throw refusal;
  if (!caller || isDirectoryCaller(caller) || !rule.stepUp) return;
  const sent = await input();
  if (!needsStepUp(rule, sent)) return;
  await requireStepUp(caller, proofSent(rule, sent), {
    evenForTokens: rule.stepUpEvenForTokens,
    passwordField: rule.passwordProofField,
  });
}
