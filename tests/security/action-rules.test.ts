import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actionCatalogue } from "@/lib/auth/action-catalogue";
import {
  callerKinds,
  callerOfKind,
  callersOfEveryKind,
  declaredRefusal,
  isRuleCode as ruleCode,
  refusalOf,
  type CallerKind,
} from "@/tests/security/caller-kinds";
import { routeEntries, serverActionEntries } from "@/tests/support/entry-points";
import { callServerAction } from "@/tests/support/action-call";
import { callRoute } from "@/tests/support/route-call";

const idsFor = (pattern: string) =>
  Object.fromEntries([...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map(([, name]) => [name!, name === "path" ? "unknown" : randomUUID()]));

/** The URL a route answers, with every parameter filled by a fresh id (nothing there): the rule refuses before any record is looked up. */
const pathFor = (pattern: string, params: Record<string, string>) =>
  pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => params[name]!);

/**
 * Every route method, but the one handler all API routes share for the methods they do not
 * declare (lib/http/undeclared-methods.ts) only once: it is the same function everywhere.
 */
const routes = (await routeEntries()).filter(
  (route, index, all) =>
    route.handler.action !== "api.method-not-allowed" || all.findIndex((other) => other.handler === route.handler) === index,
);

/**
 * Every API, SCIM and Auth.js route method, tried by every kind of caller: the outcome
 * must be the refusal its action declares, or none. Allowed calls go on to meet the
 * service (a record that is not there, a body that is not valid), never a rule.
 */
/** The identity provider's protocol endpoints: each authenticates its caller as OAuth says, never by our credentials. */
const isProviderEndpoint = (pattern: string) => /^\/(oidc|device|\.well-known)(\/|$)/.test(pattern);

describe.each(routes.filter((route) => route.handler.action !== "auth.browser" && !isProviderEndpoint(route.pattern)))(
  "$method $pattern",
  (route) => {
    const rule = actionCatalogue[route.handler.action!];
    const where = route.pattern.startsWith("/scim/") ? "scim" : route.pattern.startsWith("/interaction/") ? "browser" : "api";

    it(`${route.handler.action}: each kind of caller meets what the catalogue declares`, async () => {
      // A world of its own for each caller, side by side: one that signs out or ends sessions spoils nothing for another.
      const outcomes = await Promise.all(
        callerKinds.map(async (kind) => {
          const params = idsFor(route.pattern);
          const answer = await callRoute(route.handler, {
            method: route.method,
            path: pathFor(route.pattern, params),
            params,
            as: await callerOfKind(kind),
            body: ["POST", "PUT", "PATCH"].includes(route.method) ? {} : undefined,
          });
          return [kind, refusalOf(answer.status, answer.headers, answer.body)] as const;
        }),
      );
      const declared = callerKinds.map((kind) => [kind, declaredRefusal(rule, kind, where)] as const);
      expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(declared));
    });
  },
);

/**
 * The provider's endpoints are public to our rules: whichever of our credentials a caller
 * holds, it meets the same answer as every other (a session cookie or personal access
 * token is neither refused there nor taken as a client's or provider token's proof).
 */
describe.each(routes.filter((route) => isProviderEndpoint(route.pattern)))("$method $pattern", (route) => {
  it(`${route.handler.action}: answers every kind of caller alike`, async () => {
    expect(actionCatalogue[route.handler.action!].access).toBe("public");
    const callers = await callersOfEveryKind();
    const statuses = new Set<number>();
    for (const kind of callerKinds) {
      const params = idsFor(route.pattern);
      const answer = await callRoute(route.handler, {
        method: route.method,
        path: pathFor(route.pattern, params),
        params,
        as: callers[kind],
      });
      expect(answer.status, kind).toBeLessThan(500);
      expect(ruleCode(typeof answer.body?.code === "string" ? answer.body.code : undefined), kind).toBe(false);
      statuses.add(answer.status);
    }
    expect([...statuses]).toHaveLength(1);
  });
});

/** Inputs that make a form standing for several actions choose each of them (server-action.ts, ActionChoice). */
const choosing: Record<string, (id: string) => Record<string, string>> = {
  "users.unlock": (id) => ({ userId: id, action: "unlock" }),
  "users.disable": (id) => ({ userId: id, action: "disable" }),
  "users.enable": (id) => ({ userId: id, action: "enable" }),
  "users.delete": (id) => ({ userId: id, action: "delete" }),
  "users.restore": (id) => ({ userId: id, action: "restore" }),
  "users.purge": (id) => ({ userId: id, action: "purge" }),
  "users.sessions.revoke": (id) => ({ userId: id, action: "revokeSessions" }),
  "users.factors.reset": (id) => ({ userId: id, action: "resetFactors" }),
  "global-webhooks.create": () => ({ organizationId: "" }),
  "webhooks.create": (id) => ({ organizationId: id }),
  "global-webhooks.update": () => ({ organizationId: "" }),
  "webhooks.update": (id) => ({ organizationId: id }),
  "global-webhooks.delete": () => ({ organizationId: "" }),
  "webhooks.delete": (id) => ({ organizationId: id }),
  "global-webhooks.rotate-secret": () => ({ organizationId: "" }),
  "webhooks.rotate-secret": (id) => ({ organizationId: id }),
  "global-webhooks.resend": () => ({ organizationId: "" }),
  "webhooks.resend": (id) => ({ organizationId: id }),
  "global-applications.create": () => ({ organizationId: "" }),
  "applications.create": (id) => ({ organizationId: id }),
  "attributes.create": () => ({ organizationId: "" }),
  "organization-attributes.create": (id) => ({ organizationId: id }),
  "attributes.update": () => ({ organizationId: "" }),
  "organization-attributes.update": (id) => ({ organizationId: id }),
  "attributes.delete": () => ({ organizationId: "" }),
  "organization-attributes.delete": (id) => ({ organizationId: id }),
  "global-applications.update": () => ({ organizationId: "" }),
  "applications.update": (id) => ({ organizationId: id }),
  "global-applications.delete": () => ({ organizationId: "" }),
  "applications.delete": (id) => ({ organizationId: id }),
  "global-applications.rotate-secret": () => ({ organizationId: "" }),
  "applications.rotate-secret": (id) => ({ organizationId: id }),
};

const sessionKinds = ["freshSession", "staleSession", "viewAs"] as const satisfies readonly CallerKind[];
const actions = await serverActionEntries();

/**
 * Every page action, tried from every kind of browser session (tokens cannot call them):
 * the refusal its action declares, or none. A form standing for several actions is tried
 * once per action, with the input that chooses it.
 */
describe.each(actions)("$file $name", (entry) => {
  it.each(entry.action.actions!)("%s: each kind of session meets what the catalogue declares", async (name) => {
    const rule = actionCatalogue[name];
    const chosen = entry.action.actions!.length > 1 ? choosing[name] : undefined;
    if (entry.action.actions!.length > 1) expect(chosen, `a sample input that chooses ${name}`).toBeDefined();
    const outcomes = await Promise.all(
      sessionKinds.map(async (kind) => {
        const state = await callServerAction(entry.action, chosen?.(randomUUID()) ?? {}, await callerOfKind(kind));
        const refusal = state.stepUp ? (state.code ?? null) : state.code === "unauthorized" || ruleCode(state.code) ? state.code! : null;
        return [kind, refusal] as const;
      }),
    );
    const declared = sessionKinds.map((kind) => [kind, declaredRefusal(rule, kind, "page")] as const);
    expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(declared));
  });
});
