import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/services/invitations/accept-invitation-as-new-user";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { findInvitationByToken } from "@/lib/services/invitations/find-invitation-by-token";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

async function inviteScene(email = uniqueEmail("invitee")) {
  const { user } = await createUser();
  const owner = actorFor(user);
  const organization = await createOrganizationFor(owner, "Invite Co");
  const invitation = await createInvitation({ actor: owner, organizationId: organization.id, data: { email, role: "admin" } });
  return { owner, organization, invitation, email };
}

/** The token is only in the email, as the invitee would get it. */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await db().mailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1];
  expect(mail.html).toContain(`/invitations/${token}`);
  return token!;
}

describe("invitations", () => {
  it("mail a link whose token is stored only as a digest, and work once", async () => {
    const { organization, invitation, email } = await inviteScene();
    const token = await tokenMailedTo(email);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(7 * 24 * 3600 * 1000, -4);

    const { user } = await createUser({ email });
    expect(await findInvitationByToken({ token })).toMatchObject({
      email,
      organizationName: "Invite Co",
      roleName: "admin",
      hasAccount: true,
    });
    await acceptInvitation({ actor: actorFor(user), token });
    const membership = await db().membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
      include: { role: true },
    });
    expect(membership.role.name).toBe("admin");
    await expect(acceptInvitation({ actor: actorFor(user), token })).rejects.toMatchObject({ status: 404 });
    expect(await findInvitationByToken({ token })).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "invitation.accepted", targetId: invitation.id } })).toBe(1);
  });

  it("belong to the invited address only", async () => {
    const { email } = await inviteScene();
    const { user: stranger } = await createUser();
    await expect(acceptInvitation({ actor: actorFor(stranger), token: await tokenMailedTo(email) })).rejects.toMatchObject({ status: 403 });
  });

  it("refuse inviting a member, or inviting twice, with 409", async () => {
    const { owner, organization, email } = await inviteScene();
    await expect(
      createInvitation({ actor: owner, organizationId: organization.id, data: { email, role: "member" } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      createInvitation({ actor: owner, organizationId: organization.id, data: { email: owner.email, role: "member" } }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("already a member") });
  });

  it("can be resent with a new link, which kills the old one, or revoked", async () => {
    const { owner, organization, invitation, email } = await inviteScene();
    const oldToken = await tokenMailedTo(email);
    await resendInvitation({ actor: owner, organizationId: organization.id, invitationId: invitation.id });
    const newToken = await tokenMailedTo(email);
    expect(newToken).not.toBe(oldToken);
    expect(await findInvitationByToken({ token: oldToken })).toBeNull();
    expect(await findInvitationByToken({ token: newToken })).not.toBeNull();
    await revokeInvitation({ actor: owner, organizationId: organization.id, invitationId: invitation.id });
    expect(await findInvitationByToken({ token: newToken })).toBeNull();
    await expect(revokeInvitation({ actor: owner, organizationId: organization.id, invitationId: invitation.id })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("let someone without an account sign up, verified, straight into the organization", async () => {
    const { organization, email } = await inviteScene();
    const token = await tokenMailedTo(email);
    expect(await findInvitationByToken({ token })).toMatchObject({ hasAccount: false });
    await acceptInvitationAsNewUser({ token, data: { name: "New Person", password: "a long new password 42" } });
    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(await verifyPassword("a long new password 42", user.passwordHash)).toBe(true);
    expect(user.memberships.map((m) => m.organizationId)).toEqual([organization.id]);
    await expect(acceptInvitationAsNewUser({ token, data: { name: "Again", password: "a long new password 42" } })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("are limited per inviter, with a Retry-After", async () => {
    const { owner, organization } = await inviteScene();
    await db().rateLimitBucket.update({
      where: { key: `invitation-email:user:${owner.userId}` },
      data: { hits: config().INVITATION_EMAILS_PER_HOUR },
    });
    const refused = createInvitation({ actor: owner, organizationId: organization.id, data: { email: uniqueEmail(), role: "member" } });
    await expect(refused).rejects.toMatchObject({ status: 429, headers: { "retry-after": expect.any(String) } });
  });
});
