import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { totpCode } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { requestEmailChange } from "@/lib/services/auth/request-email-change";
import { confirmIdentity } from "@/lib/services/auth/require-step-up";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { removeFactor } from "@/lib/services/mfa/remove-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { createUser as adminCreatesUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { purgeUser } from "@/lib/services/users/purge-user";
import { updateUser } from "@/lib/services/users/update-user";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, freshSessionActor, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

const minute = 60_000;

/** Moves the session's last confirmation into the past, as if the person signed in that long ago. */
async function confirmedMinutesAgo(actor: Actor, minutes: number, verifiedWith: "password" | "second_factor" = "password") {
  await db().session.update({
    where: { id: actor.sessionId! },
    data: { verifiedAt: new Date(Date.now() - minutes * minute), verifiedWith },
  });
}

/** A superadmin with an authenticator app and a session confirmed by password only, and a way to get the next code. */
async function superadminWithFactor() {
  const { user, password } = await createUser({ role: "superadmin" });
  const actor = await freshSessionActor(user);
  const { secret } = await startTotpEnrolment({ actor });
  await confirmTotpEnrolment({ actor, code: totpCode(secret) });
  // Enrolment spent the current step's code; the next step's is valid (one step of drift) and unused.
  const nextCode = () => totpCode(secret, Date.now() + 30_000);
  return { user, password, actor, nextCode };
}

const tokenInput = { name: "ci", scopes: ["read" as const], expiresInDays: 30 };

describe("step-up: sensitive actions need a fresh confirmation", () => {
  it("asks an account with a second factor for a code on every listed action, even right after a password-only confirmation", async () => {
    const { user, password, actor } = await superadminWithFactor();
    const { user: target } = await createUser();
    const organization = await createOrganizationFor(actor);
    const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    const refusals = await Promise.all([
      appErrorOf(requestEmailChange({ actor, newEmail: uniqueEmail(), password })),
      appErrorOf(
        changeOwnPassword({ actor, data: { currentPassword: password, newPassword: "another long passphrase 7", revokeTokens: true } }),
      ),
      appErrorOf(createApiToken({ actor, data: tokenInput })),
      appErrorOf(removeFactor({ actor, factorId: factor.id })),
      appErrorOf(updateUser({ actor, userId: target.id, data: { role: "admin" } })),
      appErrorOf(adminCreatesUser({ actor, data: { email: uniqueEmail(), role: "admin" } })),
      appErrorOf(deleteOrganization({ actor, organizationId: organization.id })),
    ]);
    expect(refusals.map((error) => [error.code, error.status])).toEqual(Array(7).fill(["second_factor_required", 403]));
    await deleteUser({ actor, userId: target.id });
    expect((await appErrorOf(purgeUser({ actor, userId: target.id }))).code).toBe("second_factor_required");
  });

  it("accepts a code sent along, and then the session counts as confirmed for the window", async () => {
    const { actor, nextCode } = await superadminWithFactor();
    const { user: target } = await createUser();
    const code = nextCode();
    const wrong = await appErrorOf(createApiToken({ actor, data: { ...tokenInput, otp: code === "000000" ? "111111" : "000000" } }));
    expect(wrong.fieldErrors).toEqual([{ field: "otp", message: "The code is not valid." }]);
    await expect(createApiToken({ actor, data: { ...tokenInput, otp: code } })).resolves.toHaveProperty("token");
    await expect(updateUser({ actor, userId: target.id, data: { role: "admin" } })).resolves.toMatchObject({ role: "admin" });
  });

  it("accepts a confirmation through confirmIdentity, until STEP_UP_MINUTES have passed", async () => {
    const { actor, password, nextCode } = await superadminWithFactor();
    const { user: target } = await createUser();
    // An account with a factor cannot confirm with its password alone.
    expect((await appErrorOf(confirmIdentity({ actor, proof: { password } }))).fieldErrors?.[0]?.field).toBe("otp");
    await confirmIdentity({ actor, proof: { otp: nextCode() } });
    await expect(updateUser({ actor, userId: target.id, data: { role: "admin" } })).resolves.toMatchObject({ role: "admin" });
    await confirmedMinutesAgo(actor, 6, "second_factor");
    expect((await appErrorOf(updateUser({ actor, userId: target.id, data: { role: "user" } }))).code).toBe("second_factor_required");
  });

  it("asks an account without a second factor for its password once the sign-in is older than the window", async () => {
    const { user, password } = await createUser({ role: "superadmin" });
    const actor = await freshSessionActor(user);
    const { user: target } = await createUser();
    await expect(updateUser({ actor, userId: target.id, data: { role: "admin" } })).resolves.toMatchObject({ role: "admin" });
    await confirmedMinutesAgo(actor, 6);
    expect((await appErrorOf(updateUser({ actor, userId: target.id, data: { role: "user" } }))).code).toBe("reauthentication_required");
    expect((await appErrorOf(confirmIdentity({ actor, proof: { password: "wrong" } }))).fieldErrors?.[0]?.field).toBe("password");
    await confirmIdentity({ actor, proof: { password } });
    await expect(updateUser({ actor, userId: target.id, data: { role: "user" } })).resolves.toMatchObject({ role: "user" });
  });

  it("does not ask for a rename, only for a change of role", async () => {
    const { actor } = await superadminWithFactor();
    const { user: target } = await createUser();
    await expect(updateUser({ actor, userId: target.id, data: { name: "Renamed", role: "user" } })).resolves.toMatchObject({
      name: "Renamed",
    });
  });

  it("lets a personal access token act without a session, but never mint a token without a proof", async () => {
    const { user } = await superadminWithFactor();
    const session = await freshSessionActor(user);
    const token: Actor = { ...session, via: "api_token", sessionId: null, apiTokenId: randomUUID(), scopes: ["read", "write"] };
    const { user: target } = await createUser();
    await expect(updateUser({ actor: token, userId: target.id, data: { role: "admin" } })).resolves.toMatchObject({ role: "admin" });
    expect((await appErrorOf(createApiToken({ actor: token, data: tokenInput }))).code).toBe("second_factor_required");
    expect((await appErrorOf(confirmIdentity({ actor: token, proof: { otp: "123456" } }))).code).toBe("bad_request");
  });
});
