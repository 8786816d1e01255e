import { describe, expect, it } from "vitest";
import { clientIpFrom, requestContextFrom } from "@/lib/request-context";

const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientIpFrom", () => {
  // The server appends the socket peer last; a client writes whatever it likes to its left.
  it.each([
    { header: "203.0.113.7", hops: 0, ip: "203.0.113.7" },
    { header: "1.2.3.4, 203.0.113.7", hops: 0, ip: "203.0.113.7" },
    { header: "1.2.3.4,5.6.7.8, 203.0.113.7", hops: 0, ip: "203.0.113.7" },
    { header: "::ffff:127.0.0.1", hops: 0, ip: "::ffff:127.0.0.1" },
  ])("without proxies believes only the socket peer: $header", ({ header, hops, ip }) => {
    expect(clientIpFrom(forwardedFor(header), hops)).toBe(ip);
  });

  // One proxy appended the client it saw, then the server appended the proxy.
  it.each([
    { header: "198.51.100.4, 10.0.0.2", hops: 1, ip: "198.51.100.4" },
    { header: "1.2.3.4, 198.51.100.4, 10.0.0.2", hops: 1, ip: "198.51.100.4" },
    { header: "forged, 1.2.3.4, 198.51.100.4, 10.0.0.3, 10.0.0.2", hops: 2, ip: "198.51.100.4" },
  ])("with $hops trusted hop(s) skips exactly that many: $header", ({ header, hops, ip }) => {
    expect(clientIpFrom(forwardedFor(header), hops)).toBe(ip);
  });

  it.each([
    { header: "10.0.0.2", hops: 1, ip: "10.0.0.2" },
    { header: "198.51.100.4, 10.0.0.2", hops: 5, ip: "198.51.100.4" },
  ])("takes the left-most entry when the list is shorter than the hops: $header", ({ header, hops, ip }) => {
    expect(clientIpFrom(forwardedFor(header), hops)).toBe(ip);
  });

  it("ignores empty entries a client slipped in, and caps the length", () => {
    expect(clientIpFrom(forwardedFor("a,, ,198.51.100.4 , 10.0.0.2"), 1)).toBe("198.51.100.4");
    expect(clientIpFrom(forwardedFor(`${"x".repeat(100)}`), 0)).toHaveLength(64);
  });

  it("has no address without the header (calls from outside a request)", () => {
    expect(clientIpFrom(forwardedFor(), 0)).toBeNull();
    expect(clientIpFrom(forwardedFor(" , "), 0)).toBeNull();
  });
});

describe("requestContextFrom", () => {
  it("carries the device cookie the browser sent, unchecked, for the sign-in limits to judge", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7", cookie: "theme=dark; usermanager.device=a.b.c.v1.k.m" });
    expect(requestContextFrom(headers)).toMatchObject({ ip: "203.0.113.7", deviceCookie: "a.b.c.v1.k.m" });
    expect(requestContextFrom(new Headers({ cookie: "theme=dark" })).deviceCookie).toBeUndefined();
  });
});
