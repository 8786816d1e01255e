import "server-only";
import type { LookupFunction } from "node:net";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { isForbiddenAddress } from "@/lib/services/webhooks/forbidden-address";
import { resolveHost, type ResolvedAddress } from "@/lib/services/webhooks/resolve-host";

/** Why a target is refused, in words for the person registering it and for the delivery log. */
export class ForbiddenTarget extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenTarget";
  }
}

const allowsPrivateTargets = () => config().WEBHOOK_ALLOW_PRIVATE_TARGETS;

/** The URL's own rules: https (http only where private targets are allowed), no credentials inside. */
function checkUrlShape(url: URL): void {
  const schemes = allowsPrivateTargets() ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw new ForbiddenTarget("The URL must start with https://.");
  if (url.username || url.password) throw new ForbiddenTarget("The URL must not contain a user name or password.");
}

/**
 * Resolves the host and returns its addresses, refusing when any of them is forbidden:
 * a name with one public and one private address could be sent to either.
 */
export async function resolveAllowedAddresses(hostname: string): Promise<ResolvedAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = await resolveHost(host).catch(() => {
    throw new ForbiddenTarget(`The host ${host} could not be resolved.`);
  });
  if (addresses.length === 0) throw new ForbiddenTarget(`The host ${host} could not be resolved.`);
  if (!allowsPrivateTargets()) {
    const refused = addresses.find(({ address }) => isForbiddenAddress(address));
    if (refused) throw new ForbiddenTarget(`The host ${host} resolves to ${refused.address}, a loopback, private or reserved address.`);
  }
  return addresses;
}

/** Checks an endpoint URL when it is registered or changed; a refusal is a 422 naming `url`. */
export async function assertAllowedWebhookUrl(rawUrl: string): Promise<void> {
  try {
    const url = new URL(rawUrl);
    checkUrlShape(url);
    await resolveAllowedAddresses(url.hostname);
  } catch (error) {
    const message = error instanceof ForbiddenTarget ? error.message : "Enter an absolute https:// URL.";
    throw new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field: "url", message }] });
  }
}

/**
 * A `lookup` for the connection itself. The socket connects to exactly the addresses
 * checked here, so a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot smuggle in a private address.
 */
export const checkedLookup: LookupFunction = (hostname, options, callback) => {
  resolveAllowedAddresses(hostname).then(
    (addresses) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: Error) => callback(Object.assign(error, { code: "EFORBIDDEN" }), "", 0),
  );
};

/** Checks a URL again before sending: its shape may have been fine under settings that changed since. */
export function assertSendableUrl(rawUrl: string): URL {
  const url = new URL(rawUrl);
  checkUrlShape(url);
  return url;
}
