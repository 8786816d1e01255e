import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { renderMail } from "@/lib/mail/template";
import { userListQuerySchema } from "@/lib/schemas/user";
import { getMailMessage } from "@/lib/services/mail/get-mail-message";
import { listOutbox } from "@/lib/services/mail/list-outbox";
import { sendMail } from "@/lib/services/mail/send-mail";
import { sendPasswordReset } from "@/lib/services/auth/send-password-reset";
import { createUser as createManagedUser } from "@/lib/services/users/create-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { findUserBatches } from "@/lib/services/users/find-user-batches";
import { getUser } from "@/lib/services/users/get-user";
import { importUsers } from "@/lib/services/users/import-users";
import { listUsers } from "@/lib/services/users/list-users";
import { purgeUser } from "@/lib/services/users/purge-user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

/** A personal access token of `owner`, limited to one organization it belongs to. */
async function limitedToken(role: "admin" | "superadmin", scopes: Actor["scopes"]): Promise<Actor> {
  const { user } = await createUser({ role });
  const organization = await createOrganizationFor(actorFor(user));
  return { ...actorFor(user), via: "api_token", sessionId: null, apiTokenId: randomUUID(), scopes, organizationId: organization.id };
}

const codeOf = (work: () => Promise<unknown>) =>
  work().then(
    () => "ok",
    (error: { code?: string }) => error.code ?? "thrown",
  );

describe("a token limited to one organization has none of its user's global powers", () => {
  it("cannot list, read, export, create, import, disable, sign out, reset or purge users, even an admin's", async () => {
    const token = await limitedToken("admin", ["read", "write"]);
    const { user: target } = await createUser();
    await db().user.update({ where: { id: target.id }, data: { deletedAt: new Date() } });
    const { user: active } = await createUser();
    const outcomes = {
      list: await codeOf(() => listUsers({ actor: token, query: userListQuerySchema.parse({}) })),
      read: await codeOf(() => getUser({ actor: token, userId: active.id })),
      export: await codeOf(async () => (await findUserBatches({ actor: token, filter: {} })).next()),
      create: await codeOf(() => createManagedUser({ actor: token, data: { email: uniqueEmail(), role: "admin", invite: true } })),
      import: await codeOf(() =>
        importUsers({ actor: token, records: [{ email: uniqueEmail(), role: "admin" }], dryRun: false, partial: false }),
      ),
      disable: await codeOf(() => disableUser({ actor: token, userId: active.id })),
      signOut: await codeOf(() => revokeUserSessions({ actor: token, userId: active.id })),
      reset: await codeOf(() => sendPasswordReset({ actor: token, userId: active.id })),
      purge: await codeOf(() => purgeUser({ actor: token, userId: target.id })),
    };
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((key) => [key, "not_found"])));
    expect(await db().user.findUniqueOrThrow({ where: { id: active.id } })).toMatchObject({ status: "active" });
  });

  it("cannot read the outbox, even a superadmin's read-only one", async () => {
    const token = await limitedToken("superadmin", ["read"]);
    const { messageId } = await sendMail({ to: uniqueEmail("victim"), mail: renderMail({ subject: "Reset", paragraphs: ["link"] }) });
    expect(await codeOf(() => getMailMessage({ actor: token, messageId }))).toBe("not_found");
    expect(await codeOf(() => listOutbox({ actor: token, query: { limit: 20 } }))).toBe("not_found");
  });

  it("leaves the same user's unrestricted token its powers", async () => {
    const token = { ...(await limitedToken("admin", ["read", "write"])), organizationId: null };
    expect(await codeOf(() => listUsers({ actor: token, query: userListQuerySchema.parse({}) }))).toBe("ok");
  });
});
