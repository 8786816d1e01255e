import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser } from "@/tests/support/factories";
import type { Credentials } from "@/tests/support/route-call";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

const sessionOf = async (user: { id: string }): Promise<Credentials> => ({ cookie: (await sessionCookie(user)).cookie });

const fieldsOf = (body: Record<string, unknown> | null) => ((body?.errors ?? []) as { field: string }[]).map((error) => error.field);

describe("the profile in the users API", () => {
  beforeAll(loadRoutes);
  afterEach(resetConfigOverrides);

  it("lets an administrator set every field, bumps the version and audits before and after", async () => {
    const as = await sessionOf((await createUser({ role: "superadmin" })).user);
    const { user } = await createUser();
    const profile = {
      givenName: "Barbara",
      familyName: "Jensen",
      middleName: "Jane",
      nickname: "Babs",
      title: "Tour Guide",
      phoneNumbers: [
        { value: "+1 555 555 5555", type: "work", primary: true },
        { value: "tel:+1-555-555-4444", type: "mobile" },
      ],
      preferredLanguage: "en-us",
      locale: "en_US",
      timeZone: "America/Los_Angeles",
    };
    const answer = await api("PATCH", `/api/v1/users/${user.id}`, { as, body: { profile }, headers: { "if-match": `"${user.version}"` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBe(`"${user.version + 1}"`);
    expect(answer.body?.profile).toEqual({
      ...profile,
      phoneNumbers: [profile.phoneNumbers[0], { ...profile.phoneNumbers[1], primary: false }],
      preferredLanguage: "en-US",
      locale: "en-US",
    });
    // A PATCH changes only what it names.
    const partial = await api("PATCH", `/api/v1/users/${user.id}`, { as, body: { profile: { title: null } } });
    expect(partial.body?.profile).toMatchObject({ givenName: "Barbara", title: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.updated" }, orderBy: { at: "asc" } });
    expect((event.before as { profile: { givenName: unknown } }).profile.givenName).toBeNull();
    expect((event.after as { profile: { givenName: unknown } }).profile.givenName).toBe("Barbara");
  });

  it("answers bad time zones, locales and phones with 422 problem+json naming the field", async () => {
    const as = await sessionOf((await createUser({ role: "superadmin" })).user);
    const { user } = await createUser();
    const bad: [Record<string, unknown>, string][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, "profile.timeZone"],
      [{ timeZone: "+01:00" }, "profile.timeZone"],
      [{ locale: "not a locale!" }, "profile.locale"],
      [{ preferredLanguage: "en-US-x-" }, "profile.preferredLanguage"],
      [{ phoneNumbers: [{ value: "call me maybe" }] }, "profile.phoneNumbers.0.value"],
      [{ phoneNumbers: [{ value: "+1 555", type: "satellite" }] }, "profile.phoneNumbers.0.type"],
      [
        {
          phoneNumbers: [
            { value: "1", primary: true },
            { value: "2", primary: true },
          ],
        },
        "profile.phoneNumbers",
      ],
      [{ nickname: "x".repeat(101) }, "profile.nickname"],
      [{ shoeSize: 44 }, "profile.shoeSize"],
    ];
    for (const [profile, field] of bad) {
      for (const path of [`/api/v1/users/${user.id}`, "/api/v1/users/me"]) {
        const answer = await api("PATCH", path, { as, body: { profile } });
        expect({ path, profile, status: answer.status, type: answer.headers.get("content-type") }).toEqual({
          path,
          profile,
          status: 422,
          type: "application/problem+json",
        });
        expect(fieldsOf(answer.body)).toContain(field);
      }
    }
  });

  it("lets a user change the fields the installation allows, and refuses the others naming them", async () => {
    const { user } = await createUser();
    const as = await sessionOf(user);
    const allowed = await api("PATCH", "/api/v1/users/me", { as, body: { profile: { givenName: "Ada", timeZone: "Europe/London" } } });
    expect(allowed.status).toBe(200);
    expect(allowed.body?.profile).toMatchObject({ givenName: "Ada", timeZone: "Europe/London" });

    const refused = await api("PATCH", "/api/v1/users/me", { as, body: { name: "Ada L.", profile: { givenName: "Eve", title: "CEO" } } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(fieldsOf(refused.body)).toEqual(["profile.title"]);
    // Nothing of a refused request is written, not even its allowed parts.
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect({ name: stored.name, givenName: stored.givenName, title: stored.title }).toEqual({ name: null, givenName: "Ada", title: null });

    configOverrides.PROFILE_SELF_EDITABLE = [];
    const locked = await api("PATCH", "/api/v1/users/me", { as, body: { profile: { givenName: "Eve" } } });
    expect(locked.status).toBe(403);
    expect(fieldsOf(locked.body)).toEqual(["profile.givenName"]);
    // The display name stays the user's own to change.
    expect((await api("PATCH", "/api/v1/users/me", { as, body: { name: "Ada L." } })).status).toBe(200);
  });

  it("does not let a user edit another user's profile", async () => {
    const { user } = await createUser();
    const { user: other } = await createUser();
    const answer = await api("PATCH", `/api/v1/users/${other.id}`, {
      as: await sessionOf(user),
      body: { profile: { givenName: "Mallory" } },
    });
    expect(answer.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).givenName).toBeNull();
  });
});
