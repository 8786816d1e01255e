import "server-only";
import { Resolver } from "node:dns/promises";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { challengeRecordName } from "@/lib/services/organization-domains/mappers";

/**
 * Per try, and tries: a server that never answers costs about six seconds, then a clear
 * refusal, never a request left hanging.
 */
const resolverOptions = { timeout: 3_000, tries: 2 };

/** What each resolver failure means to the person who asked (node:dns error codes). */
const failures = new Map<string, string>([
  ["ETIMEOUT", "the DNS server did not answer in time"],
  ["ECONNREFUSED", "the DNS server could not be reached"],
  ["ESERVFAIL", "the DNS server could not look the name up"],
  ["EREFUSED", "the DNS server refused the query"],
]);

/**
 * The TXT values published at the domain's challenge name, each record's strings joined
 * (RFC 7208 §3.3 splits long values). A name that does not exist, or has no TXT record,
 * has none; a resolver that fails is a 422 saying what happened.
 */
export async function findPublishedChallenges(domain: string): Promise<string[]> {
  const name = challengeRecordName(domain);
  const resolver = new Resolver(resolverOptions);
  const servers = config().DNS_RESOLVER;
  if (servers) resolver.setServers(servers);
  try {
    const records = await resolver.resolveTxt(name);
    return records.map((strings) => strings.join(""));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOTFOUND" || code === "ENODATA") return [];
    const what = failures.get(code) ?? `the lookup failed (${code || "unknown error"})`;
    throw new AppError("validation_failed", `Could not check ${name}: ${what}. Try again in a few minutes.`, { cause: error });
  } finally {
    resolver.cancel();
  }
}
