import { isValidElement, type ReactElement, type ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listEventsRoute } from "@/app/api/v1/audit-events/route";
import { GET as listOrganizationEventsRoute } from "@/app/api/v1/organizations/[id]/audit-events/route";
import { auditViewFrom, loadAuditEvents } from "@/app/load-audit-events";
import { AuditExplorer } from "@/components/audit/audit-explorer";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { actorFor, createUser, freshSessionActor, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

// The API's caller is the signed-in session, as the page's is.
const signedIn = vi.hoisted(() => ({ current: null as Actor | null }));
vi.mock("@/lib/session/auth", () => ({ getSessionActor: async () => signedIn.current }));

/** The first element of `type` in what a server component returned (its children are not rendered yet). */
function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child, type);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement<{ children?: ReactNode }>(node)) return null;
  if (node.type === type) return node as ReactElement<Record<string, unknown>>;
  return findElement(node.props.children, type);
}

/** What the explorer shows for URL parameters: the filters' inline errors and the events listed. */
async function explore(actor: Actor, params: Record<string, string>, scope: { organizationId: string } | null = null) {
  const view = auditViewFrom(params);
  const tree = AuditExplorer({
    events: await loadAuditEvents(actor, view, scope),
    view,
    base: "/audit",
    organizationId: scope?.organizationId ?? null,
  });
  return {
    errors: findElement(tree, AuditFilters)!.props.errors as Record<string, string>,
    events: findElement(tree, AuditTable)!.props.events as unknown[],
  };
}

const apiGet = async (route: typeof listEventsRoute, url: string, params: Record<string, string> = {}) => {
  const response = await route(new Request(`http://localhost:3000${url}`, { headers: { cookie: "authjs.session-token=test" } }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { field: string; message: string }[] } };
};

// Values PostgreSQL refuses (22021 for a NUL) once answered the page with a 500 while the API said 400.
const refusedByTheDatabase = [
  ["actor", "/e\u0000"],
  ["q", "a\u0000b"],
  ["cursor", "eyJ2YWx1ZSI6IngifQ"],
] as const;

describe("the audit explorer and the audit API read one filter schema", () => {
  let superadmin: Actor;
  beforeEach(async () => {
    superadmin = actorFor((await createUser({ role: "superadmin" })).user);
    signedIn.current = superadmin;
  });

  it.each(refusedByTheDatabase)(
    "the installation's page shows a bad %s inline, with no events, instead of failing",
    async (field, value) => {
      const { errors, events } = await explore(superadmin, { [field]: value });
      expect(errors).toEqual({ [field]: expect.any(String) });
      expect(events).toEqual([]);
    },
  );

  it.each(refusedByTheDatabase)("an organization's page does the same for %s", async (field, value) => {
    const organization = await createOrganizationFor(superadmin);
    const { errors } = await explore(superadmin, { [field]: value }, { organizationId: organization.id });
    expect(errors).toEqual({ [field]: expect.any(String) });
  });

  it.each(refusedByTheDatabase)("the API answers a bad %s 422, naming it with the page's message", async (field, value) => {
    const { errors } = await explore(superadmin, { [field]: value });
    const url = `/api/v1/audit-events?${new URLSearchParams({ [field]: value })}`;
    const { status, body } = await apiGet(listEventsRoute, url);
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ field, message: errors[field] }]);
  });

  it("the organization's API answers alike", async () => {
    const owner = await freshSessionActor((await createUser()).user);
    signedIn.current = owner;
    const organization = await createOrganizationFor(owner);
    const url = `/api/v1/organizations/${organization.id}/audit-events?actor=%2Fe%00`;
    const { status, body } = await apiGet(listOrganizationEventsRoute, url, { id: organization.id });
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ field: "actor", message: expect.any(String) }]);
  });

  it("still lists events for a good filter, so the checks above are not refusing everything", async () => {
    const actorEmail = uniqueEmail("explored");
    await db().auditEvent.create({ data: { action: "user.created", actorEmail } });
    const { errors, events } = await explore(superadmin, { actor: actorEmail.toUpperCase() });
    expect(errors).toEqual({});
    expect(events).toHaveLength(1);
  });
});
