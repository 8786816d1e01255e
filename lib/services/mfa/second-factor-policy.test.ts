import { afterEach, describe, expect, it, vi } from "vitest";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { totpCode } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { updateOrganization } from "@/lib/services/organizations/update-organization";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { freshSessionActor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

/** A user with a browser session; answers what the session's actor says about enrolment. */
async function signedIn(role: GlobalRole = "user") {
  const { user } = await createUser({ role });
  const secret = generateToken();
  await db().session.create({ data: { sessionToken: hashToken(secret), userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  const mustEnroll = async () => (await findSessionActor(secret))?.mustEnrollSecondFactor;
  return { user, mustEnroll };
}

async function enrolTotp(user: { id: string; email: string; role: GlobalRole }) {
  const actor = await freshSessionActor(user);
  const { secret } = await startTotpEnrolment({ actor });
  await confirmTotpEnrolment({ actor, code: totpCode(secret) });
}

describe("who must set up a second factor", () => {
  it("nobody by default", async () => {
    const { mustEnroll } = await signedIn("superadmin");
    expect(await mustEnroll()).toBe(false);
  });

  it("admins and superadmins under MFA_REQUIRED_FOR=admins, until they enrol", async () => {
    configOverrides.MFA_REQUIRED_FOR = "admins";
    const admin = await signedIn("admin");
    const superadmin = await signedIn("superadmin");
    const user = await signedIn("user");
    expect([await admin.mustEnroll(), await superadmin.mustEnroll(), await user.mustEnroll()]).toEqual([true, true, false]);
    await enrolTotp(admin.user);
    expect(await admin.mustEnroll()).toBe(false);
  });

  it("everyone under MFA_REQUIRED_FOR=everyone", async () => {
    configOverrides.MFA_REQUIRED_FOR = "everyone";
    expect(await (await signedIn("user")).mustEnroll()).toBe(true);
  });

  it("members of an organization that requires it, and only while it exists", async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const outsider = await signedIn();
    const ownerActor = await freshSessionActor(owner.user);
    const organization = await createOrganizationFor(ownerActor);
    await addMembership(organization.id, member.user.id, "member");
    expect(await member.mustEnroll()).toBe(false);
    const refused = await appErrorOf(
      updateOrganization({ actor: ownerActor, organizationId: organization.id, data: { mfaRequired: true } }),
    );
    expect(refused.fieldErrors).toEqual([
      { field: "mfaRequired", message: "Set up two-factor authentication for your own account first." },
    ]);
    await enrolTotp(owner.user);

    const updated = await updateOrganization({ actor: ownerActor, organizationId: organization.id, data: { mfaRequired: true } });
    expect(updated.mfaRequired).toBe(true);
    expect([await owner.mustEnroll(), await member.mustEnroll(), await outsider.mustEnroll()]).toEqual([false, true, false]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "organization.updated", targetId: organization.id } });
    expect(event.after).toMatchObject({ mfaRequired: true });

    await db().organization.update({ where: { id: organization.id }, data: { deletedAt: new Date() } });
    expect(await member.mustEnroll()).toBe(false);
  });

  it("lets only those who may update the organization switch it on", async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const organization = await createOrganizationFor(await freshSessionActor(owner.user));
    await addMembership(organization.id, member.user.id, "member");
    const refused = await updateOrganization({
      actor: await freshSessionActor(member.user),
      organizationId: organization.id,
      data: { mfaRequired: true },
    }).catch((error: { code: string }) => error.code);
    expect(refused).toBe("forbidden");
  });
});

describe("the standing of someone single sign-on does not know yet", () => {
  it("is no factor and no requirement, for an unknown id or a provider's subject", async () => {
    const { secondFactorStanding } = await import("@/lib/services/mfa/second-factor-policy");
    configOverrides.MFA_REQUIRED_FOR = "everyone";
    expect(await secondFactorStanding("0196f0a3-0000-7000-8000-000000000000")).toEqual({ hasFactor: false, required: false });
    expect(await secondFactorStanding("provider-subject-123")).toEqual({ hasFactor: false, required: false });
  });
});
