import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * Addresses a webhook must never reach: they lead into the server's own network rather
 * than to a receiver on the internet (SSRF). Ranges from the IANA special-purpose
 * registries: loopback, private, carrier-grade NAT, link-local (cloud metadata lives at
 * 169.254.169.254 and fd00:ec2::254), unique-local, documentation, multicast, reserved.
 */
const ipv4Ranges: Array<[string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const ipv6Ranges: Array<[string, number]> = [
  // IPv4-compatible addresses (RFC 4291, deprecated): `::127.0.0.1` is written `::7f00:1` and
  // some stacks still route it to the IPv4 address inside. The range holds :: and ::1 too.
  ["::", 96],
  // NAT64, 6to4 and Teredo carry an IPv4 address inside: they could tunnel to a private one.
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["2002::", 16],
  ["2001::", 32],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

const forbidden = new BlockList();
for (const [network, prefix] of ipv4Ranges) forbidden.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of ipv6Ranges) forbidden.addSubnet(network, prefix, "ipv6");

/** `::ffff:10.0.0.1` is 10.0.0.1 to the kernel, whichever way it is written. */
function embeddedIPv4(address: string): string | null {
  const match = /^::ffff:(?:0:)?(.+)$/i.exec(address);
  if (!match) return null;
  const tail = match[1]!;
  if (isIPv4(tail)) return tail;
  const groups = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!groups) return null;
  const high = parseInt(groups[1]!, 16);
  const low = parseInt(groups[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Whether an IP address is one a webhook may not be sent to; anything that is not an IP address is refused too. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIPv4(bare)) return forbidden.check(bare, "ipv4");
  if (!isIPv6(bare)) return true;
  const mapped = embeddedIPv4(bare);
  if (mapped) return forbidden.check(mapped, "ipv4");
  return forbidden.check(bare, "ipv6");
}
