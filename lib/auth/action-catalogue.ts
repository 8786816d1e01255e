import type { ActionRule } from "@/lib/auth/action-rules";
import { accountActions } from "@/lib/auth/actions/account";
import { attributeActions } from "@/lib/auth/actions/attributes";
import { directoryActions } from "@/lib/auth/actions/directory";
import { identityProviderActions, interactionActions } from "@/lib/auth/actions/identity-provider";
import { installationActions } from "@/lib/auth/actions/installation";
import { organizationActions } from "@/lib/auth/actions/organizations";
import { signInActions } from "@/lib/auth/actions/sign-in";

/**
 * Every action the product performs, from any entry point (an API operation, a page's
 * action, a SCIM operation, a step of signing in), with the rules it declares: who it is
 * for, whether it only reads, whether a token limited to one organization, a "view as"
 * session or a SCIM token may take it, and whether it needs a recent confirmation. The
 * wrappers (`withApi`, `withScim`, `withOAuth`, `serverAction`) refuse a handler that
 * names no action here, and enforce what it names; docs/security.md describes the order.
 */
export const actionCatalogue = {
  ...signInActions,
  ...accountActions,
  ...installationActions,
  ...organizationActions,
  ...attributeActions,
  ...directoryActions,
  ...identityProviderActions,
  ...interactionActions,
} as const satisfies Record<string, ActionRule>;

export type ActionName = keyof typeof actionCatalogue;

/** The rules of an action. */
export function actionRule(name: ActionName): ActionRule {
  return actionCatalogue[name];
}

/** The actions anyone may take unsigned: their handlers receive no caller for certain. */
export type PublicActionName = { [A in ActionName]: (typeof actionCatalogue)[A]["access"] extends "public" ? A : never }[ActionName];
export type IdentityProviderActionName = keyof typeof identityProviderActions;
export type DirectoryActionName = {
  [A in ActionName]: (typeof actionCatalogue)[A]["access"] extends "directory" ? A : never;
}[ActionName];
