import "server-only";
import { config } from "@/lib/config";

/** The identity provider's issuer: APP_URL without a trailing slash, as discovery, tokens and logout tokens name it. */
export function oidcIssuer(): string {
  return config().APP_URL.replace(/\/+$/, "");
}
