import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isForbiddenAddress } from "@/lib/services/webhooks/forbidden-address";
import { resolveHost } from "@/lib/services/webhooks/resolve-host";
import { sendWebhook } from "@/lib/services/webhooks/send-webhook";
import { assertAllowedWebhookUrl } from "@/lib/services/webhooks/webhook-target";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// The attacker controls DNS: each test says what names resolve to, and when.
vi.mock("@/lib/services/webhooks/resolve-host", () => ({ resolveHost: vi.fn() }));
const resolve = vi.mocked(resolveHost);
const answer = (...addresses: string[]) =>
  addresses.map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
const publicAddress = "93.184.215.14";

beforeEach(() => {
  resolve.mockReset();
  resolve.mockImplementation(async (host) => answer(host === "localhost" ? "127.0.0.1" : /^[\d.]+$|:/.test(host) ? host : publicAddress));
});
afterEach(resetConfigOverrides);

describe("which addresses a webhook may reach", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.20.30.40", true],
    ["172.31.255.255", true],
    ["192.168.1.1", true],
    ["100.64.0.1", true],
    ["169.254.169.254", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd00:ec2::254", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:a9fe:a9fe", true],
    ["64:ff9b::a00:1", true],
    // IPv4-compatible (::/96, deprecated by RFC 4291): the whole range, not only :: and ::1.
    ["::7f00:1", true],
    ["::127.0.0.1", true],
    ["::10.0.0.1", true],
    ["::a9fe:a9fe", true],
    ["::8.8.8.8", true],
    ["::2", true],
    ["::ffff", true],
    ["0:0:0:0:0:0:ffff:ffff", true],
    ["8.8.8.8", false],
    ["2606:4700:4700::1111", false],
    ["::ffff:8.8.8.8", false],
    ["not an address", true],
  ])("%s is forbidden: %s", (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe("registering an endpoint URL", () => {
  const refusal = async (url: string) => (await appErrorOf(assertAllowedWebhookUrl(url))).fieldErrors;

  it("accepts an https URL whose host resolves to public addresses only", async () => {
    await expect(assertAllowedWebhookUrl("https://hooks.example.com/usermanager")).resolves.toBeUndefined();
  });

  it.each([
    ["http://hooks.example.com/", "https://"],
    ["https://127.0.0.1/", "127.0.0.1"],
    ["https://[::1]:8443/", "::1"],
    ["https://[::ffff:169.254.169.254]/", "loopback, private or reserved"],
    ["https://[::127.0.0.1]:8443/", "::7f00:1"],
    ["https://[::7f00:1]/", "::7f00:1"],
    ["https://localhost/", "127.0.0.1"],
    ["https://user:pass@hooks.example.com/", "user name or password"],
  ])("refuses %s, naming the url field", async (url, message) => {
    expect(await refusal(url)).toEqual([{ field: "url", message: expect.stringContaining(message) }]);
  });

  it("refuses a name with any private address among its answers", async () => {
    resolve.mockResolvedValue(answer(publicAddress, "10.0.0.7"));
    expect(await refusal("https://split.example.com/")).toEqual([{ field: "url", message: expect.stringContaining("10.0.0.7") }]);
  });

  it("refuses a name that does not resolve", async () => {
    resolve.mockRejectedValue(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    expect(await refusal("https://nowhere.example.com/")).toEqual([
      { field: "url", message: expect.stringContaining("could not be resolved") },
    ]);
  });

  it("allows http and loopback addresses when WEBHOOK_ALLOW_PRIVATE_TARGETS is on", async () => {
    configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
    await expect(assertAllowedWebhookUrl("http://127.0.0.1:8080/hooks")).resolves.toBeUndefined();
  });
});

describe("sending to a name whose DNS answer changed since registration (DNS rebinding)", () => {
  let listener: Server;
  let connections = 0;
  beforeEach(async () => {
    connections = 0;
    listener = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => listener.listen(0, "127.0.0.1", done));
  });
  afterEach(() => new Promise<void>((done) => listener.close(() => done())));

  const send = (port: number, host = "rebind.example.com") =>
    sendWebhook({
      url: `https://${host}:${port}/hooks`,
      messageId: "msg_test",
      payload: "{}",
      secrets: ["whsec_" + Buffer.alloc(32, 1).toString("base64")],
    });

  it("checks the address the connection uses, and never connects to a private one", async () => {
    const { port } = listener.address() as AddressInfo;
    await assertAllowedWebhookUrl(`https://rebind.example.com:${port}/hooks`);
    resolve.mockResolvedValue(answer("127.0.0.1"));

    const result = await send(port);

    expect(result).toMatchObject({ statusCode: null, succeeded: false });
    expect(result.responseExcerpt).toContain("127.0.0.1");
    expect(connections).toBe(0);
  });

  it("does connect to the same address when private targets are allowed, so the refusal above is the check's doing", async () => {
    configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
    const { port } = listener.address() as AddressInfo;
    resolve.mockResolvedValue(answer("127.0.0.1"));

    const result = await send(port);

    expect(result.succeeded).toBe(false);
    expect(connections).toBe(1);
  });

  it("refuses an IP literal that is private, which no DNS lookup would see", async () => {
    const { port } = listener.address() as AddressInfo;
    const result = await send(port, "127.0.0.1");
    expect(result).toMatchObject({ statusCode: null, responseExcerpt: expect.stringContaining("private") });
    expect(connections).toBe(0);
  });
});
