import { beforeEach, describe, expect, it, vi } from "vitest";
import { userLifecycleAction } from "@/app/admin/users/[id]/actions";
import { createOrganizationAction } from "@/app/orgs/new/actions";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "@/app/orgs/[slug]/settings/actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { actorFor, createUser, freshSessionActor } from "@/tests/support/factories";
import { uniqueDomain } from "@/tests/support/domains";
import { createOrganizationFor, uniqueSlug } from "@/tests/support/organizations";

// The page's request, as Next.js would hand it to the action.
const request = vi.hoisted(() => ({ headers: new Headers(), actor: null as Actor | null }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/session/auth", () => ({ getSessionActor: async () => request.actor }));

const browser = { "x-forwarded-for": "198.51.100.23", "user-agent": "Mozilla/5.0 (page-actions test)" };

describe("page actions", () => {
  beforeEach(async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    request.actor = actorFor(admin);
  });

  it("record the client's address, user agent and request id on the admin-user audit events they cause", async () => {
    const { user } = await createUser();
    request.headers = new Headers({ ...browser, "x-request-id": "req-disable-1" });
    expect(await userLifecycleAction({ userId: user.id, action: "disable" })).toEqual({
      success: "Disabled; their sessions ended and their tokens are revoked.",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.disabled", targetId: user.id } });
    expect(event).toMatchObject({ ip: "198.51.100.23", userAgent: "Mozilla/5.0 (page-actions test)", requestId: "req-disable-1" });
  });

  it("record them on organization audit events too", async () => {
    const slug = uniqueSlug();
    request.headers = new Headers({ ...browser, "x-request-id": "req-org-1" });
    const formData = new FormData();
    formData.set("name", "Audited organization");
    formData.set("slug", slug);
    // Success ends in a redirect to the new organization.
    await expect(createOrganizationAction({}, formData)).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });
    const organization = await db().organization.findUniqueOrThrow({ where: { slug } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "organization.created", targetId: organization.id } });
    expect(event).toMatchObject({ ip: "198.51.100.23", userAgent: "Mozilla/5.0 (page-actions test)", requestId: "req-org-1" });
  });

  it("refuse a lifecycle step that is not in the table", async () => {
    const { user } = await createUser();
    for (const action of ["__proto__", "constructor", "toString"]) {
      const state = await userLifecycleAction({ userId: user.id, action } as never);
      expect(state.fieldErrors).toEqual([{ field: "action", message: "Not an action on a user." }]);
    }
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ status: "active", deletedAt: null });
  });

  it("manage an organization's domains from its settings, with refusals next to the field", async () => {
    const organization = await createOrganizationFor(request.actor!);
    const form = (fields: Record<string, string>) => {
      const formData = new FormData();
      for (const [name, value] of Object.entries({ organizationId: organization.id, ...fields })) formData.set(name, value);
      return formData;
    };
    expect(await addDomainAction({}, form({ domain: "192.0.2.1" }))).toMatchObject({
      fieldErrors: [{ field: "domain", message: "Enter a domain name, not an IP address." }],
      values: { domain: "192.0.2.1" },
    });
    const domain = uniqueDomain();
    expect(await addDomainAction({}, form({ domain: domain.toUpperCase() }))).toEqual({
      success: `Publish the TXT record for ${domain}, then verify it.`,
    });
    const { id: domainId } = await db().organizationDomain.findFirstOrThrow({ where: { organizationId: organization.id, domain } });
    // Vouching without DNS is sensitive: a session not confirmed lately opens the confirmation dialog first.
    expect(await verifyDomainAction({}, form({ domainId, trust: "true" }))).toMatchObject({ stepUp: "password" });
    const { userId: id, email, role } = request.actor!;
    request.actor = await freshSessionActor({ id, email, role });
    expect(await verifyDomainAction({}, form({ domainId, trust: "true" }))).toEqual({ success: `${domain} is verified.` });
    expect(await db().organizationDomain.findUniqueOrThrow({ where: { id: domainId } })).toMatchObject({ verificationMethod: "trusted" });
    expect(await removeDomainAction({}, form({ domainId }))).toEqual({ success: "The domain was removed." });
  });
});
