import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settleWorkAfterResponse } from "@/lib/after-response";
import { ConfigError } from "@/lib/config";
import { db } from "@/lib/db";
import { seedFirstSuperadmin } from "@/lib/server/first-superadmin";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { signUp } from "@/lib/services/auth/sign-up";
import { acceptInvitationAsNewUser } from "@/lib/services/invitations/accept-invitation-as-new-user";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { createUser as adminCreateUser } from "@/lib/services/users/create-user";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";
import { linkTokenFromMail } from "@/tests/support/mail";
import { createOrganizationFor } from "@/tests/support/organizations";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

/** The local part of every address below, so "contains the address" can be tried too. */
const local = "grace.hopper";
const address = () => `${local}@${randomUUID()}.example.test`;

const refusedAt = async (promise: Promise<unknown>, field: string) => {
  const error = await appErrorOf(promise);
  expect(error.code).toBe("validation_failed");
  return error.fieldErrors?.find((fieldError) => fieldError.field === field)?.message;
};

// Every way a password is set: [name, set(password) resolving to the field's message when refused].
const setters: [string, (password: string) => Promise<string | undefined>][] = [
  [
    "sign-up",
    async (password) => {
      configOverrides.SIGN_UP_ENABLED = true;
      return refusedAt(signUp({ email: address(), name: "Grace", password }), "password");
    },
  ],
  [
    "password change",
    async (password) => {
      const { user, password: current } = await createUser({ email: address() });
      return refusedAt(
        changeOwnPassword({ actor: actorFor(user), data: { currentPassword: current, newPassword: password } }),
        "newPassword",
      );
    },
  ],
  [
    "reset link",
    async (password) => {
      const { user } = await createUser({ email: address() });
      await requestPasswordReset({ email: user.email });
      await settleWorkAfterResponse();
      const token = await linkTokenFromMail(user.email, "/reset-password");
      const message = await refusedAt(resetPassword({ token, password }), "password");
      // The link was not used up by the refusal.
      await expect(resetPassword({ token, password: "a fresh and unusual passphrase" })).resolves.toEqual({ email: user.email });
      return message;
    },
  ],
  [
    "administrator creating a user",
    async (password) => {
      const { user: admin } = await createUser({ role: "admin" });
      return refusedAt(adminCreateUser({ actor: actorFor(admin), data: { email: address(), role: "user", password } }), "password");
    },
  ],
  [
    "invitation accepted by someone new",
    async (password) => {
      const { user: owner } = await createUser();
      const organization = await createOrganizationFor(actorFor(owner));
      const email = address();
      await createInvitation({ actor: actorFor(owner), organizationId: organization.id, data: { email, role: "member" } });
      const mail = await db().mailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
      const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1]!;
      return refusedAt(acceptInvitationAsNewUser({ token, data: { name: "Grace", password } }), "password");
    },
  ],
];

describe.each(setters)("the password policy at %s", (_name, set) => {
  it.each(["Password1!", "Summer2024!", "Welcome2024"])("refuses the common %s", async (password) => {
    expect(await set(password)).toMatch(/leaked passwords|common password/);
  });

  it("refuses the product's name and the account's own address", async () => {
    expect(await set("Usermanager-2025")).toBe("Do not use the name of this application in your password.");
    expect(await set(`${local}-rocks-77`)).toBe("Do not use your email address in your password.");
  });
});

describe("the first superadmin's configured password", () => {
  it("stops the start with an error naming ADMIN_PASSWORD when the policy refuses it", async () => {
    configOverrides.ADMIN_EMAIL = "root@example.test";
    for (const password of ["Welcome2024", "root-of-it-all-17", "usermanager!"]) {
      configOverrides.ADMIN_PASSWORD = password;
      const error = await seedFirstSuperadmin().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^Invalid configuration:\n {2}- ADMIN_PASSWORD is refused by the password policy: /);
    }
  });
});
