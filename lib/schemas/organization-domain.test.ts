import { describe, expect, it } from "vitest";
import { domainField } from "@/lib/schemas/organization-domain";

describe("domainField", () => {
  it.each([
    ["Example.COM", "example.com"],
    ["  mail.example.co.uk ", "mail.example.co.uk"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["a-b.c-d.example", "a-b.c-d.example"],
  ])("takes %s as %s", (input, stored) => {
    expect(domainField.parse(input)).toBe(stored);
  });

  it.each([
    ["", "Enter a domain."],
    ["example.com.", "Leave out the trailing dot."],
    ["localhost", "Enter a domain name such as example.com"],
    ["*.example.com", "Enter a domain name such as example.com"],
    ["user@example.com", "Enter a domain name such as example.com"],
    ["https://example.com", "Enter a domain name such as example.com"],
    ["example.com:443", "Enter a domain name such as example.com"],
    ["-bad.example", "Enter a domain name such as example.com"],
    ["exa mple.com", "Enter a domain name such as example.com"],
    ["[::1]", "Enter a domain name such as example.com"],
    ["192.0.2.1", "Enter a domain name, not an IP address."],
    ["0x7f.1", "Enter a domain name, not an IP address."],
    [`${"a".repeat(64)}.example`, "Enter a domain name such as example.com"],
    [`${Array.from({ length: 50 }, () => "abcd").join(".")}.example`, "A domain has at most 253 characters."],
  ])("refuses %j: %s", (input, message) => {
    const result = domainField.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
