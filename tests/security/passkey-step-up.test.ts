import { describe, expect, it } from "vitest";
import { confirmIdentityAction, startPasskeyConfirmationAction } from "@/app/actions";
import { db } from "@/lib/db";
import type { AuthenticationResponseInput } from "@/lib/schemas/passkeys";
import { callServerAction } from "@/tests/support/action-call";
import { api } from "@/tests/support/api";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { createUserWithPasskey } from "@/tests/support/second-factors";

/** STEP_UP_MINUTES is 5 by default: a sign-in an hour ago is long past the window. */
const anHourAgo = { verifiedMinutesAgo: 60 };

type Started = { passkeyChallenge: string; options: { challenge: string; userVerification?: string; allowCredentials?: { id: string }[] } };

const refusal = (answer: { status: number; body: Record<string, unknown> | null }) => ({ status: answer.status, code: answer.body?.code });

/** A superadmin whose only second factor is a passkey, with a session last confirmed an hour ago, and someone to promote. */
async function staleSessionWithPasskey() {
  const owner = await createUserWithPasskey({ role: "superadmin" });
  const { cookie, sessionId } = await sessionCookie(owner.user, anHourAgo);
  const { user: target } = await createUser();
  const promote = (role: "admin" | "user") => api("PATCH", `/api/v1/users/${target.id}`, { as: { cookie }, body: { role } });
  return { ...owner, session: { cookie }, sessionId, promote };
}

async function startConfirmation(as: { cookie: string }): Promise<Started> {
  const answer = await api("POST", "/api/v1/users/me/verify/passkey-options", { as, body: {} });
  expect(answer.status).toBe(200);
  return answer.body as Started;
}

const verify = (as: { cookie: string }, passkeyChallenge: string, passkeyResponse: AuthenticationResponseInput) =>
  api("POST", "/api/v1/users/me/verify", { as, body: { passkeyChallenge, passkeyResponse } });

const sessionOf = (id: string) => db().session.findUniqueOrThrow({ where: { id }, select: { verifiedAt: true, verifiedWith: true } });

describe("confirming a sensitive action with a passkey", () => {
  it("lets an account whose only factor is a passkey confirm with it, and the refused action then goes through", async () => {
    const { user, authenticator, session, sessionId, promote } = await staleSessionWithPasskey();
    expect(refusal(await promote("admin"))).toEqual({ status: 403, code: "second_factor_required" });

    const { passkeyChallenge, options } = await startConfirmation(session);
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual([authenticator.credentialId]);
    const answer = await verify(session, passkeyChallenge, authenticator.assert({ challenge: options.challenge, userId: user.id }));
    expect(answer.status).toBe(204);

    expect(await sessionOf(sessionId)).toMatchObject({ verifiedWith: "second_factor" });
    expect((await promote("admin")).body).toMatchObject({ role: "admin" });
  });

  it("refuses another user's passkey, counts the failure on the owner's limits, and leaves the session unconfirmed", async () => {
    const { user, session, sessionId, promote } = await staleSessionWithPasskey();
    const stranger = await createUserWithPasskey();
    const { passkeyChallenge, options } = await startConfirmation(session);
    const before = await sessionOf(sessionId);

    const answer = await verify(session, passkeyChallenge, stranger.authenticator.assert({ challenge: options.challenge }));
    expect(answer.status).toBe(422);
    expect(answer.body?.errors).toEqual([{ field: "passkeyResponse", message: "The passkey was not accepted." }]);
    expect(await sessionOf(sessionId)).toEqual(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "mfa.code_failed", targetId: user.id } });
    expect(audit.after).toMatchObject({ reason: "unknown_passkey" });
    expect(refusal(await promote("admin"))).toEqual({ status: 403, code: "second_factor_required" });
  });

  it("refuses a replayed answer, to its own challenge or a new one", async () => {
    const { user, authenticator, session, sessionId, promote } = await staleSessionWithPasskey();
    const first = await startConfirmation(session);
    const response = authenticator.assert({ challenge: first.options.challenge, userId: user.id });
    expect((await verify(session, first.passkeyChallenge, response)).status).toBe(204);
    await db().session.update({ where: { id: sessionId }, data: { verifiedAt: new Date(Date.now() - 60 * 60_000) } });
    const before = await sessionOf(sessionId);

    const again = await verify(session, first.passkeyChallenge, response);
    expect(again.status).toBe(422);
    expect(again.body?.errors).toEqual([
      { field: "passkeyChallenge", message: "The passkey challenge is unknown, used or expired. Ask for new options." },
    ]);
    const next = await startConfirmation(session);
    expect((await verify(session, next.passkeyChallenge, response)).body?.errors).toEqual([
      { field: "passkeyResponse", message: "The passkey was not accepted." },
    ]);
    expect(await sessionOf(sessionId)).toEqual(before);
    expect(refusal(await promote("admin"))).toEqual({ status: 403, code: "second_factor_required" });
  });

  it("refuses an expired challenge", async () => {
    const { user, authenticator, session, sessionId, promote } = await staleSessionWithPasskey();
    const { passkeyChallenge, options } = await startConfirmation(session);
    await db().pendingSignIn.updateMany({ where: { sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await sessionOf(sessionId);

    const answer = await verify(session, passkeyChallenge, authenticator.assert({ challenge: options.challenge, userId: user.id }));
    expect(answer.status).toBe(422);
    expect(answer.body?.errors).toEqual([
      { field: "passkeyChallenge", message: "The passkey challenge is unknown, used or expired. Ask for new options." },
    ]);
    expect(await sessionOf(sessionId)).toEqual(before);
    expect(refusal(await promote("admin"))).toEqual({ status: 403, code: "second_factor_required" });
  });

  it("refuses an answer to another challenge, and a challenge given to another session of the same account", async () => {
    const { user, authenticator, session, sessionId, promote } = await staleSessionWithPasskey();
    const other = { cookie: (await sessionCookie(user, anHourAgo)).cookie };
    const mine = await startConfirmation(session);
    const theirs = await startConfirmation(other);
    const before = await sessionOf(sessionId);

    const toTheirs = authenticator.assert({ challenge: theirs.options.challenge, userId: user.id });
    expect((await verify(session, mine.passkeyChallenge, toTheirs)).body?.errors).toEqual([
      { field: "passkeyResponse", message: "The passkey was not accepted." },
    ]);
    expect((await verify(session, theirs.passkeyChallenge, toTheirs)).body?.errors).toEqual([
      { field: "passkeyChallenge", message: "The passkey challenge is unknown, used or expired. Ask for new options." },
    ]);
    expect(await sessionOf(sessionId)).toEqual(before);
    expect(refusal(await promote("admin"))).toEqual({ status: 403, code: "second_factor_required" });
    // The other session's challenge was not spent by the attempt: it still confirms its own session.
    expect((await verify(other, theirs.passkeyChallenge, toTheirs)).status).toBe(204);
  });

  it("asks for exactly one proof, a passkey's answer with its challenge", async () => {
    const { user, authenticator, session } = await staleSessionWithPasskey();
    const { passkeyChallenge, options } = await startConfirmation(session);
    const passkeyResponse = authenticator.assert({ challenge: options.challenge, userId: user.id });
    const alone = await api("POST", "/api/v1/users/me/verify", { as: session, body: { passkeyResponse } });
    expect(alone.body?.errors).toEqual([{ field: "passkeyChallenge", message: "Send the passkeyChallenge with the passkey's answer." }]);
    const both = await api("POST", "/api/v1/users/me/verify", {
      as: session,
      body: { otp: "123456", passkeyChallenge, passkeyResponse },
    });
    expect(both.body?.errors).toEqual([{ field: "passkeyResponse", message: "Send one proof, not otp and passkeyResponse." }]);
    // Neither refusal spent the challenge.
    expect((await verify(session, passkeyChallenge, passkeyResponse)).status).toBe(204);
  });

  it("gives no challenge to a personal access token, which has no session, nor to an account without a passkey", async () => {
    const { user } = await createUserWithPasskey();
    const token = await api("POST", "/api/v1/users/me/verify/passkey-options", { as: { bearer: await personalAccessToken(user) } });
    expect(refusal(token)).toEqual({ status: 400, code: "bad_request" });
    const { user: without } = await createUser();
    const none = await api("POST", "/api/v1/users/me/verify/passkey-options", { as: await sessionCookie(without) });
    expect(refusal(none)).toEqual({ status: 409, code: "conflict" });
    expect(await db().pendingSignIn.count({ where: { userId: { in: [user.id, without.id] }, purpose: "step_up" } })).toBe(0);
  });
});

describe("the confirmation dialog of pages", () => {
  it("starts the ceremony and takes the browser's answer as JSON text, as a right code would be taken", async () => {
    const { user, authenticator, session, sessionId, promote } = await staleSessionWithPasskey();
    const started = (await callServerAction(startPasskeyConfirmationAction, {}, session)) as Partial<Started>;
    expect(started.options?.allowCredentials?.map((credential) => credential.id)).toEqual([authenticator.credentialId]);
    const passkeyChallenge = started.passkeyChallenge!;

    const garbled = await callServerAction(confirmIdentityAction, { passkeyChallenge, passkeyResponse: "{" }, session);
    expect(garbled.fieldErrors).toEqual([{ field: "passkeyResponse", message: "The passkey's answer is not JSON." }]);
    expect(garbled.values).toEqual({});

    const response = JSON.stringify(authenticator.assert({ challenge: started.options!.challenge, userId: user.id }));
    expect(await callServerAction(confirmIdentityAction, { passkeyChallenge, passkeyResponse: response }, session)).toEqual({
      success: "Confirmed.",
    });
    expect(await sessionOf(sessionId)).toMatchObject({ verifiedWith: "second_factor" });
    expect((await promote("admin")).body).toMatchObject({ role: "admin" });
  });
});
