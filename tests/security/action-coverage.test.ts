import { describe, expect, it } from "vitest";
import { actionCatalogue, type ActionName } from "@/lib/auth/action-catalogue";
import { routeEntries, serverActionEntries, serverActionFiles } from "@/tests/support/entry-points";

const catalogued = (name: unknown): name is ActionName => typeof name === "string" && Object.hasOwn(actionCatalogue, name);

/**
 * Every entry point names the action it performs, so its rules (who, organization
 * tokens, step-up, "view as", SCIM) come from the catalogue and cannot be forgotten: a
 * new route method or server action that names none fails here before it ships.
 */
describe("the action catalogue covers every entry point", () => {
  it("every route method, API, SCIM and Auth.js alike, names a catalogued action", async () => {
    const routes = await routeEntries();
    expect(routes.length).toBeGreaterThan(100);
    const unnamed = routes.filter((route) => !catalogued(route.handler.action)).map((route) => `${route.method} ${route.pattern}`);
    expect(unnamed).toEqual([]);
  });

  it("every SCIM operation names an action only a directory may take", async () => {
    const scim = (await routeEntries()).filter((route) => route.pattern.startsWith("/scim/"));
    expect(scim.length).toBeGreaterThanOrEqual(15);
    const misnamed = scim.filter((route) => actionCatalogue[route.handler.action!].access !== "directory");
    expect(misnamed.map((route) => `${route.method} ${route.pattern}`)).toEqual([]);
  });

  it("every server action names catalogued actions", async () => {
    const actions = await serverActionEntries();
    expect(actions.length).toBeGreaterThan(45);
    const unnamed = actions
      .filter((entry) => !entry.action.actions?.length || !entry.action.actions.every(catalogued))
      .map((entry) => `${entry.file} ${entry.name}`);
    expect(unnamed).toEqual([]);
  });

  it("keeps server actions in app/, beside the pages whose forms call them", () => {
    expect(serverActionFiles(["components", "lib"])).toEqual([]);
  });

  it("has no action that no entry point performs", async () => {
    const used = new Set<string>([
      ...(await routeEntries()).map((route) => route.handler.action!),
      ...(await serverActionEntries()).flatMap((entry) => entry.action.actions ?? []),
    ]);
    expect(Object.keys(actionCatalogue).filter((name) => !used.has(name))).toEqual([]);
  });
});
