import "server-only";
import { randomUUID } from "node:crypto";
import { importJWK, SignJWT } from "jose";
import { isIP } from "node:net";
import { oidcIssuer } from "@/lib/services/oidc/issuer";
import { db, type Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { loadSigningKeys } from "@/lib/services/oidc/signing-keys";
import { nextAttemptAfter, retryDelaysMs } from "@/lib/services/webhooks/retry-schedule";
import { postToTarget } from "@/lib/services/webhooks/send-webhook";
import { assertSendableUrl, resolveAllowedAddresses } from "@/lib/services/webhooks/webhook-target";

/** How long a dispatcher holds a claimed delivery: far beyond one send's timeout. */
const claimLeaseSeconds = 120;
/** How long a logout token is good for: it is sent at once, so a short life limits a replay. */
const tokenLifeSeconds = 120;
const backchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

type Claimed = { id: string; clientId: string; accountId: string; sid: string | null; issuer: string | null; attemptCount: number };

export type LogoutDispatchOptions = { client?: Db; batchSize?: number; retryDelays?: readonly number[] };

/** Claims due deliveries for this dispatcher, as the webhook dispatcher does (claim-due-deliveries.ts): SKIP LOCKED and a lease. */
async function claimDue(client: Db, limit: number): Promise<Claimed[]> {
  return client.$queryRaw<Claimed[]>`
    UPDATE oidc_logout_deliveries AS d
    SET next_attempt_at = now() + make_interval(secs => ${claimLeaseSeconds}), attempt_count = d.attempt_count + 1
    WHERE d.id IN (
      SELECT due.id FROM oidc_logout_deliveries AS due
      WHERE due.status = 'pending' AND due.next_attempt_at <= now()
      ORDER BY due.next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.client_id AS "clientId", d.account_id AS "accountId", d.sid, d.issuer, d.attempt_count AS "attemptCount"`;
}

/**
 * The logout token (Back-Channel Logout 1.0, section 2.4): signed with the provider's
 * current key of the algorithm the application's ID tokens use, so it verifies against
 * the provider's JWKS; `sub` and `sid` name the person and the session, `events` says
 * what it is, and it carries no nonce.
 */
export async function signLogoutToken({
  clientId,
  accountId,
  sid,
  issuer,
}: Pick<Claimed, "clientId" | "accountId" | "sid"> & { issuer?: string | null }): Promise<string> {
  const alg = "RS256";
  const jwk = (await loadSigningKeys()).find((key) => key.alg === alg);
  if (!jwk) throw new Error(`No ${alg} signing key.`);
  const now = Math.floor(Date.now() / 1000);
  return (
    new SignJWT({ sub: accountId, ...(sid ? { sid } : {}), events: { [backchannelLogoutEvent]: {} } })
      .setProtectedHeader({ alg, kid: jwk.kid!, typ: "logout+jwt" })
      // The issuer where the session ended (recorded when queued), not this instance's: any instance may send it.
      .setIssuer(issuer ?? oidcIssuer())
      .setAudience(clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + tokenLifeSeconds)
      .setJti(randomUUID())
      .sign(await importJWK(jwk, alg))
  );
}

/** Sends one token; answers the error in words, or null when the application took it (200 or 204). */
async function send(delivery: Claimed, uri: string): Promise<string | null> {
  try {
    const target = assertSendableUrl(uri);
    if (isIP(target.hostname.replace(/^\[|\]$/g, ""))) await resolveAllowedAddresses(target.hostname);
    const body = new URLSearchParams({ logout_token: await signLogoutToken(delivery) }).toString();
    const { statusCode } = await postToTarget(target, body, {
      "content-type": "application/x-www-form-urlencoded",
      "user-agent": "Usermanager-Logout/1",
    });
    return statusCode === 200 || statusCode === 204 ? null : `The application answered ${statusCode}.`;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 500) : "The delivery failed.";
  }
}

async function deliverOne(client: Db, delivery: Claimed, retryDelays: readonly number[]): Promise<void> {
  const application = await client.application.findUnique({ where: { clientId: delivery.clientId } });
  // An application deleted, or no longer listening, is owed nothing more.
  const error = application?.backchannelLogoutUri ? await send(delivery, application.backchannelLogoutUri) : null;
  const now = new Date();
  const retryAt = error ? nextAttemptAfter(delivery.attemptCount, now, retryDelays) : null;
  const status = !error ? "succeeded" : retryAt ? "pending" : "failed";
  await client.oidcLogoutDelivery.updateMany({
    where: { id: delivery.id, status: "pending", attemptCount: delivery.attemptCount },
    data: { status, lastError: error, nextAttemptAt: retryAt ?? now, completedAt: status === "pending" ? null : now },
  });
  logger.info(
    { deliveryId: delivery.id, clientId: delivery.clientId, attempt: delivery.attemptCount, status },
    error ? "back-channel logout failed" : "back-channel logout delivered",
  );
}

/** One dispatcher pass: claims the logout tokens that are due and sends them; answers how many were attempted. */
export async function deliverBackchannelLogouts({
  client = db(),
  batchSize = 20,
  retryDelays = retryDelaysMs,
}: LogoutDispatchOptions = {}): Promise<number> {
  const claimed = await claimDue(client, batchSize);
  await Promise.all(
    claimed.map((delivery) =>
      deliverOne(client, delivery, retryDelays).catch((error: unknown) =>
        logger.error({ err: error, deliveryId: delivery.id }, "could not process a back-channel logout"),
      ),
    ),
  );
  return claimed.length;
}
