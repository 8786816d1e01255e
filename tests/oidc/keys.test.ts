import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { sealedWithOldKey } from "@/lib/auth/encryption";
import { db } from "@/lib/db";
import { resealSigningKeys } from "@/lib/services/oidc/reseal-signing-keys";
import { loadSigningKeys, rotateSigningKeys, rotateSigningKeysIfDue } from "@/lib/services/oidc/signing-keys";
import { sweepOidcRecords } from "@/lib/services/oidc/sweep-oidc-records";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { configOverrides } from "@/tests/support/config-overrides";
import { tokenRequest } from "@/tests/support/oidc-flow";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// Rotating and sweeping act on every key and record of the database: this file keeps its own.
withPrivateDatabase();

const minute = 60_000;
/** Moves the clock on (the provider re-reads its keys every 30 s, the API its copy of the JWKS too). */
const later = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));

beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true }));
afterEach(() => {
  vi.useRealTimers();
  delete configOverrides.ENCRYPTION_KEY;
  delete configOverrides.ENCRYPTION_KEYS_PREVIOUS;
});

async function machineToken() {
  const { application, clientSecret } = await createApplication({ kind: "machine" });
  const answer = await tokenRequest({ clientId: application.clientId, clientSecret }, { grant_type: "client_credentials", scope: "read" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return String(answer.body!.access_token);
}

const jwks = async () => createLocalJWKSet((await api("GET", "/oidc/jwks")).body as unknown as JSONWebKeySet);
const verify = async (token: string) => jwtVerify(token, await jwks(), { issuer: "http://localhost:3000" });
const apiStatus = async (token: string) =>
  (await api("GET", "/api/v1/users?limit=1", { headers: { authorization: `Bearer ${token}` } })).status;

describe("signing key rotation", () => {
  it("keeps a token signed before the rotation verifying through the JWKS, and signs the next ones with the new key", async () => {
    const before = await machineToken();
    const { created, retired } = await rotateSigningKeys({ reason: "manual" });
    expect(retired).toContain(decodeProtectedHeader(before).kid);

    later(31_000);
    const published = ((await api("GET", "/oidc/jwks")).body as { keys: { kid: string }[] }).keys.map((key) => key.kid);
    expect(published).toEqual(expect.arrayContaining([...created, ...retired]));
    await expect(verify(before)).resolves.toBeTruthy();
    expect(await apiStatus(before)).toBe(200);

    // Past the new keys' activation, new tokens carry a new key's id, and verify too.
    later(3 * minute);
    const after = await machineToken();
    expect(created).toContain(decodeProtectedHeader(after).kid);
    await expect(verify(after)).resolves.toBeTruthy();
    expect(await db().auditEvent.count({ where: { action: "oidc.keys_rotated" } })).toBeGreaterThanOrEqual(1);
    // The first test of the file also loads the provider and the routes.
  }, 90_000);

  it("removes a retired key once every token it signed has expired: its tokens no longer verify", async () => {
    const before = await machineToken();
    const kid = decodeProtectedHeader(before).kid!;
    await rotateSigningKeys({ reason: "manual" });

    // Still published just before its tokens' longest life is over…
    later(2 * minute + 2 * 60 * minute - minute);
    expect((await sweepOidcRecords()).keys).toBe(0);
    // …and gone after.
    later(2 * minute);
    expect((await sweepOidcRecords()).keys).toBeGreaterThanOrEqual(2);
    expect(await db().oidcSigningKey.count({ where: { id: kid } })).toBe(0);
    later(31_000);
    const published = ((await api("GET", "/oidc/jwks")).body as { keys: { kid: string }[] }).keys.map((key) => key.kid);
    expect(published).not.toContain(kid);
    await expect(verify(before)).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
    expect(await apiStatus(before)).toBe(401);
  });

  it("rotates on schedule once the newest key is older than the rotation period, and only once", async () => {
    await loadSigningKeys();
    expect(await rotateSigningKeysIfDue({ days: 90 })).toBe(false);
    await db().oidcSigningKey.updateMany({ data: { createdAt: new Date(Date.now() - 91 * 86_400_000) } });
    const rotations = await Promise.all([rotateSigningKeysIfDue({ days: 90 }), rotateSigningKeysIfDue({ days: 90 })]);
    expect(rotations.filter(Boolean)).toHaveLength(1);
    expect(await rotateSigningKeysIfDue({ days: 90 })).toBe(false);
  });
});

describe("the identity provider's sweep", () => {
  it("deletes expired records and keeps live ones", async () => {
    const expired = await db().oidcRecord.create({
      data: { kind: "AuthorizationCode", id: "expired-code", payload: {}, expiresAt: new Date(Date.now() - 1000) },
    });
    const live = await db().oidcRecord.create({
      data: { kind: "AuthorizationCode", id: "live-code", payload: {}, expiresAt: new Date(Date.now() + minute) },
    });
    expect((await sweepOidcRecords()).records).toBeGreaterThanOrEqual(1);
    expect(await db().oidcRecord.count({ where: { kind: expired.kind, id: expired.id } })).toBe(0);
    expect(await db().oidcRecord.count({ where: { kind: live.kind, id: live.id } })).toBe(1);
  });
});

describe("npm run secrets:reencrypt", () => {
  it("seals the private signing keys with the new ENCRYPTION_KEY, and the provider still signs with them", async () => {
    const oldKey = "o".repeat(40);
    configOverrides.ENCRYPTION_KEY = oldKey;
    await rotateSigningKeys({ reason: "manual" });
    configOverrides.ENCRYPTION_KEY = "n".repeat(40);
    configOverrides.ENCRYPTION_KEYS_PREVIOUS = oldKey;

    const { resealed } = await resealSigningKeys();
    expect(resealed).toBeGreaterThanOrEqual(2);
    const keys = await db().oidcSigningKey.findMany();
    expect(keys.every((key) => !sealedWithOldKey(key.privateJwk))).toBe(true);
    delete configOverrides.ENCRYPTION_KEYS_PREVIOUS;
    expect((await loadSigningKeys()).length).toBe(
      keys.length - keys.filter((key) => key.unpublishAt && key.unpublishAt < new Date()).length,
    );
  });
});
