import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestEmailChange } from "@/lib/services/auth/request-email-change";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo, linkTokenFromMail } from "@/tests/support/mail";

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("requestEmailChange", () => {
  it("moves the account only once the new address follows its link, and tells the old one", async () => {
    const { user, password } = await createUser();
    const newEmail = uniqueEmail("moved");
    await requestEmailChange({ actor: actorFor(user), newEmail, password });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect((await latestMailTo(newEmail))?.subject).toBe("Confirm your new email address");

    const token = await linkTokenFromMail(newEmail, "/verify-email");
    expect(await verifyEmail({ token })).toEqual({ email: newEmail, changed: true });
    const moved = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerified).toBeInstanceOf(Date);
    expect((await latestMailTo(user.email))?.subject).toBe("Your email address was changed");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.email_changed", targetId: user.id } });
    expect(event.before).toEqual({ email: user.email });
    expect(event.after).toEqual({ email: newEmail });
  });

  it("needs the right password", async () => {
    const { user } = await createUser();
    const error = await failureOf(requestEmailChange({ actor: actorFor(user), newEmail: uniqueEmail(), password: "wrong password" }));
    expect(error.fieldErrors).toEqual([{ field: "password", message: "The password is incorrect." }]);
  });

  it("answers a taken address the same and sends its owner a notice, not a link", async () => {
    const { user, password } = await createUser();
    const { user: other } = await createUser();
    const free = await requestEmailChange({ actor: actorFor(user), newEmail: uniqueEmail(), password });
    expect(await requestEmailChange({ actor: actorFor(user), newEmail: other.email, password })).toEqual(free);
    expect((await latestMailTo(other.email))?.subject).toBe("Someone tried to register with your email address");
  });

  it("refuses to apply a link once another account has taken the address", async () => {
    const { user, password } = await createUser();
    const newEmail = uniqueEmail("contested");
    await requestEmailChange({ actor: actorFor(user), newEmail, password });
    const token = await linkTokenFromMail(newEmail, "/verify-email");
    await createUser({ email: newEmail });
    expect((await failureOf(verifyEmail({ token }))).code).toBe("conflict");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});
