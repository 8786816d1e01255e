import "server-only";
import { lookup } from "node:dns/promises";

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Every address a host name resolves to (an IP literal resolves to itself). Its own module so tests can answer for DNS. */
export async function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}
