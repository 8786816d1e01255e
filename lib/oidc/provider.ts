import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import Provider from "oidc-provider";
import { oidcIssuer } from "@/lib/services/oidc/issuer";
import { logger } from "@/lib/logger";
import { clientExtra } from "@/lib/oidc/client-extra";
import { grantTypeRefusal } from "@/lib/oidc/grant-type-refusal";
import { saveNewDeviceFormSession } from "@/lib/oidc/device-form-session";
import { providerConfiguration } from "@/lib/oidc/provider-configuration";
import { currentRequestContext } from "@/lib/request-context";
import { queueProviderLogout } from "@/lib/services/oidc/queue-backchannel-logout";
import { loadSigningKeys, signingKeysFingerprint } from "@/lib/services/oidc/signing-keys";

/** How often an instance asks the database whether the signing keys changed (shorter than their activation delay). */
const keyCheckMs = 30_000;

type Built = { provider: Provider; fingerprint: string; checkedAt: number };
const global = globalThis as { [key: symbol]: Promise<Built> | undefined };
const instance = Symbol.for("usermanager.oidcProvider");

const sha256 = (value: string) => createHash("sha256").update(value).digest();

/**
 * Client secrets are stored as SHA-256 digests (a secret of 256 random bits needs no slow
 * hash), so the provider compares a presented secret's digest, with the current secret
 * and, during a rotation's overlap, the previous one.
 */
function compareHashedSecret(this: Record<string, unknown> & { clientSecret?: string }, presented: string): boolean {
  const extra = clientExtra(this);
  const candidates = [this.clientSecret];
  if (extra.previousSecretHash && extra.previousSecretExpiresAt && Date.parse(extra.previousSecretExpiresAt) > Date.now()) {
    candidates.push(extra.previousSecretHash);
  }
  const digest = sha256(presented);
  return candidates.some(
    (stored) => typeof stored === "string" && stored.length === 64 && timingSafeEqual(Buffer.from(stored, "hex"), digest),
  );
}

async function build(): Promise<Built> {
  const keys = await loadSigningKeys();
  const configuration = providerConfiguration({ keys });
  const provider = new Provider(oidcIssuer(), configuration);
  saveNewDeviceFormSession(provider, { ttlSeconds: configuration.ttl!.Session as number, cookie: configuration.cookies!.long! });
  // The bridge sets the public scheme and host from APP_URL (node-bridge.ts).
  provider.proxy = true;
  provider.Client.prototype.compareClientSecret = compareHashedSecret;
  provider.use(grantTypeRefusal);
  provider.on("server_error", (_ctx, error) => logger.error({ err: error }, "identity provider error"));
  // The provider's own back-channel logout (on RP-initiated sign-out) goes through the same
  // durable queue as ours, rather than one attempt made while the browser waits.
  provider.Client.prototype.backchannelLogout = async function (this: { clientId: string }, sub: string, sid: string) {
    await queueProviderLogout({ clientId: this.clientId, accountId: sub, sid });
  };
  provider.on("backchannel.error", (_ctx, error) => logger.warn({ err: error }, "back-channel logout could not be queued"));
  // A confirmed RP-initiated sign-out ends our session in this browser too (withOidc).
  provider.on("end_session.success", (ctx) => {
    const context = currentRequestContext();
    const accountId = ctx.oidc.session?.accountId;
    if (context && accountId && ctx.oidc.params?.logout) context.providerSignedOut = { accountId };
  });
  return { provider, fingerprint: await signingKeysFingerprint(), checkedAt: Date.now() };
}

/**
 * The identity provider of this process, built once and rebuilt when the signing keys
 * change (a rotation on any instance): every instance looks at the keys at least every
 * 30 s, which is shorter than a new key waits before it signs, so all instances publish a
 * key before any signs with it.
 */
export async function oidcProvider(): Promise<Provider> {
  const current = global[instance];
  if (!current)
    return (await (global[instance] = build().catch((error) => ((global[instance] = undefined), Promise.reject(error))))).provider;
  const built = await current;
  if (Date.now() - built.checkedAt < keyCheckMs) return built.provider;
  built.checkedAt = Date.now();
  if ((await signingKeysFingerprint()) === built.fingerprint) return built.provider;
  global[instance] = build();
  return (await global[instance]).provider;
}
