import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { routePattern } from "@/lib/http/request-log";
import { withApi } from "@/lib/http/with-api";

const lines = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("@/lib/logger", async (importOriginal) => {
  const { createLogger } = await importOriginal<typeof import("@/lib/logger")>();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { createLogger, logger: createLogger({ destination, level: "info" }) };
});
vi.mock("@/lib/session/auth", () => ({ getSessionActor: async () => null }));

const secret = "Zx9secretInvitationToken_42";

describe("the request log", () => {
  it("names the route pattern, never the token in the path, on success and on failure", async () => {
    const accept = withApi(async () => Response.json({ ok: true }), { action: "invitations.sign-up" });
    const refuse = withApi(
      async () => {
        throw new AppError("not_found", "The invitation was not found.");
      },
      { action: "invitations.sign-up" },
    );
    const url = `http://localhost:3000/api/v1/invitations/${secret}/accept`;
    const route = () => ({ params: Promise.resolve({ token: secret }) });
    lines.length = 0;
    await accept(new Request(url, { method: "POST" }), route());
    await refuse(new Request(url, { method: "POST" }), route());

    expect(lines.map((line) => [line.path, line.status])).toEqual([
      ["/api/v1/invitations/[token]/accept", 200],
      ["/api/v1/invitations/[token]/accept", 404],
    ]);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});

describe("routePattern", () => {
  it.each([
    ["/api/v1/users/me", {}, "/api/v1/users/me"],
    ["/api/v1/organizations/o-1/members/u-1", { id: "o-1", userId: "u-1" }, "/api/v1/organizations/[id]/members/[userId]"],
    // An id equal to a later static segment replaces the id, not the static segment.
    ["/api/v1/organizations/members/members", { id: "members" }, "/api/v1/organizations/[id]/members"],
    ["/api/v1/no/such/thing", { path: ["no", "such", "thing"] }, "/api/v1/[...path]"],
    ["/api/v1/invitations/a%20b/accept", { token: "a b" }, "/api/v1/invitations/[token]/accept"],
    ["/api/v1/invitations/%E0%A4%A/accept", { token: "%E0%A4%A" }, "/api/v1/invitations/[token]/accept"],
  ])("turns %s into its pattern", (pathname, params, pattern) => {
    expect(routePattern(pathname, params)).toBe(pattern);
  });
});
