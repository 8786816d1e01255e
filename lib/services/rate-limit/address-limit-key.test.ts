import { describe, expect, it } from "vitest";
import { addressLimitKey } from "@/lib/services/rate-limit/address-limit-key";

describe("addressLimitKey", () => {
  it("keeps an IPv4 address as the client", () => {
    expect(addressLimitKey("203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts an IPv6 client by its /64, however the address is written", () => {
    const sameNetwork = [
      "2001:db8:1:2::1",
      "2001:db8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:0DB8:0001:0002:0000:0000:0000:0009",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:db8:1:2::7%eth0",
    ];
    expect(new Set(sameNetwork.map(addressLimitKey))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(addressLimitKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressLimitKey("::1")).toBe("0:0:0:0::/64");
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 client it names", () => {
    expect(addressLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressLimitKey("::FFFF:cb00:7109")).toBe("203.0.113.9");
    expect(addressLimitKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("keeps anything that is not an IP address as given, and has no key without an address", () => {
    expect(addressLimitKey("unknown")).toBe("unknown");
    expect(addressLimitKey("2001:db8::1::2")).toBe("2001:db8::1::2");
    expect(addressLimitKey(null)).toBeNull();
    expect(addressLimitKey(undefined)).toBeNull();
    expect(addressLimitKey("")).toBeNull();
  });
});
