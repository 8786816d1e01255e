import "server-only";
import { config } from "@/lib/config";
import { currentRequestContext } from "@/lib/request-context";
import { addressLimitKey } from "@/lib/services/rate-limit/address-limit-key";
import { enforceRateLimits, type RateLimitRule } from "@/lib/services/rate-limit/consume-rate-limit";

export type EmailFlow = "sign-up" | "password-reset" | "email-verification" | "email-change";

/**
 * Every flow that sends mail to an address someone typed is limited per address (so no
 * one's inbox can be flooded) and per client IP (so no one can walk a list of addresses).
 * Throws 429 with Retry-After when either is exceeded.
 */
export async function enforceEmailFlowLimits({ flow, email }: { flow: EmailFlow; email?: string }): Promise<void> {
  const { RATE_LIMIT_EMAIL_PER_HOUR, RATE_LIMIT_IP_PER_HOUR } = config();
  const rules: RateLimitRule[] = [];
  // Calls from outside a request (scripts, jobs) have no client to limit.
  const address = addressLimitKey(currentRequestContext()?.ip);
  if (address) rules.push({ key: `${flow}:ip:${address}`, limit: RATE_LIMIT_IP_PER_HOUR, windowSeconds: 3600 });
  if (email) rules.push({ key: `${flow}:email:${email}`, limit: RATE_LIMIT_EMAIL_PER_HOUR, windowSeconds: 3600 });
  await enforceRateLimits(rules);
}
