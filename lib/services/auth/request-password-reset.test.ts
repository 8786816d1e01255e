import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { passwordResetAccepted, requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { createUser, uniqueEmail } from "@/tests/support/factories";

// Holds what would run after the response, so the test decides when it runs.
const afterTasks = vi.hoisted(() => [] as (() => Promise<unknown>)[]);
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => void afterTasks.push(task) }));

const traces = async (user: { id: string; email: string }) => ({
  mails: await db().mailMessage.count({ where: { to: user.email } }),
  tokens: await db().oneTimeToken.count({ where: { userId: user.id } }),
  events: await db().auditEvent.count({ where: { action: "auth.password_reset_requested", targetId: user.id } }),
});

describe("requestPasswordReset", () => {
  it("answers a registered address before doing any of its mail work, as for an unknown one", async () => {
    const { user } = await createUser();
    afterTasks.length = 0;
    expect(await requestPasswordReset({ email: user.email })).toEqual(passwordResetAccepted);
    expect(await requestPasswordReset({ email: uniqueEmail("nobody") })).toEqual(passwordResetAccepted);

    // Answered, and nothing about the account has been looked up or written yet.
    expect(await traces(user)).toEqual({ mails: 0, tokens: 0, events: 0 });
    expect(afterTasks).toHaveLength(2);

    await Promise.all(afterTasks.map((task) => task()));
    expect(await traces(user)).toEqual({ mails: 1, tokens: 1, events: 1 });
  });
});
