import "server-only";
import { createHash } from "node:crypto";
import { OAuthError } from "@/lib/http/oauth-error";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/** RFC 8628 3.2: a device authorization answer without `interval` means five seconds between polls. */
export const devicePollSeconds = 5;

const deviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

/**
 * A device polls the token endpoint until its person has answered; one that polls faster
 * than the interval is told `slow_down` (RFC 8628 3.5), which oidc-provider 9 does not do
 * itself. The count is kept per device code, by its digest, in the shared rate-limit table.
 */
export async function enforceDevicePollInterval(request: Request): Promise<void> {
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) return;
  const form = new URLSearchParams(await request.clone().text());
  const deviceCode = form.get("device_code");
  if (form.get("grant_type") !== deviceCodeGrant || !deviceCode) return;
  const key = `oidc.device-poll:${createHash("sha256").update(deviceCode).digest("base64url")}`;
  const { allowed } = await consumeRateLimit({ key, limit: 1, windowSeconds: devicePollSeconds });
  if (!allowed)
    throw new OAuthError("slow_down", `Poll at most every ${devicePollSeconds} seconds, and wait 5 seconds longer from now on.`);
}
