import { describe, expect, it } from "vitest";
import { generatePersonalAccessToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { signInForSession } from "@/tests/support/sign-in";
import { utcDay } from "@/lib/services/stats/record-user-activity";
import { createUser } from "@/tests/support/factories";

const activeDays = (userId: string) =>
  db()
    .userActivityDay.findMany({ where: { userId } })
    .then((rows) => rows.map((row) => row.day));

describe("daily activity marks", () => {
  it("are written by a sign-in, once per day however often", async () => {
    const { user, password } = await createUser();
    await signInForSession({ email: user.email, password });
    await signInForSession({ email: user.email, password });
    expect(await activeDays(user.id)).toEqual([utcDay(new Date())]);
  });

  it("are written when a session that signed in on an earlier day is used", async () => {
    const { user, password } = await createUser();
    const { sessionToken, actor } = await signInForSession({ email: user.email, password });
    await db().userActivityDay.deleteMany({ where: { userId: user.id } });
    await db().session.update({ where: { id: actor.sessionId! }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
    await findSessionActor(sessionToken);
    expect(await activeDays(user.id)).toEqual([utcDay(new Date())]);
  });

  it("are written when a personal access token is used", async () => {
    const { user } = await createUser();
    const { token, displayPrefix } = generatePersonalAccessToken();
    await db().apiToken.create({
      data: { userId: user.id, name: "CI", prefix: displayPrefix, tokenHash: hashToken(token), scopes: ["read"] },
    });
    expect(await activeDays(user.id)).toEqual([]);
    await findBearerActor(token);
    expect(await activeDays(user.id)).toEqual([utcDay(new Date())]);
  });
});
