import { randomUUID } from "node:crypto";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { GlobalRole, UserStatus } from "@/lib/generated/prisma/enums";
import { uniqueEmail } from "@/tests/support/unique-email";

export { uniqueEmail };

// Hashing is slow on purpose; most tests use one password, so each is hashed once per
// file (and cost: a test may change BCRYPT_COST to see hashes upgraded).
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  const key = `${config().BCRYPT_COST}:${password}`;
  if (!hashes.has(key)) hashes.set(key, hashPassword(password));
  return hashes.get(key)!;
};

export async function createUser(overrides: { email?: string; password?: string; role?: GlobalRole; status?: UserStatus } = {}) {
  const password = overrides.password ?? "correct horse battery staple";
  const user = await db().user.create({
    data: {
      email: overrides.email ?? uniqueEmail(),
      passwordHash: await hashOnce(password),
      role: overrides.role ?? "user",
      status: overrides.status ?? "active",
    },
  });
  return { user, password };
}

export const actorFor = (user: { id: string; email: string; role: GlobalRole }, sessionId: string = randomUUID()): Actor =>
  sessionActor(user, sessionId);

/** The actor of a browser session opened just now, as right after signing in. */
export async function freshSessionActor(user: { id: string; email: string; role: GlobalRole }): Promise<Actor> {
  const session = await db().session.create({
    data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 3_600_000) },
  });
  return actorFor(user, session.id);
}
