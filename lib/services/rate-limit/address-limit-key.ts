import "server-only";
import { isIPv6 } from "node:net";

/**
 * What every limit kept per client address is keyed by. An IPv4 address is one client.
 * An IPv6 client is its /64: a provider hands each line, and often each customer, a
 * whole /64, and the host picks and changes the lower 64 bits itself (privacy
 * addresses), so one machine can use billions of addresses and a limit per full address
 * would be no limit. An IPv4-mapped IPv6 address (::ffff:203.0.113.9, as a dual-stack
 * socket reports an IPv4 peer) is the IPv4 client it names. Anything that is not an IP
 * address is kept as given.
 */
export function addressLimitKey(ip: string | null | undefined): string | null {
  if (!ip) return null;
  if (!isIPv6(ip)) return ip;
  const groups = ipv6Groups(ip);
  const mappedIPv4 = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mappedIPv4) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, with `::` expanded and a trailing dotted IPv4 part as two groups. */
function ipv6Groups(ip: string): number[] {
  const [head, tail] = ip.split("%")[0]!.split("::");
  const groupsOf = (part: string | undefined) =>
    (part ? part.split(":") : []).flatMap((piece) => {
      if (!piece.includes(".")) return [parseInt(piece, 16)];
      const [a, b, c, d] = piece.split(".").map(Number) as [number, number, number, number];
      return [(a << 8) | b, (c << 8) | d];
    });
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<number>(zeros).fill(0), ...right];
}
