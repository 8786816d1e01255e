import { Writable } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { formInput } from "@/lib/actions/form-data";
import { formAction, serverAction, sessionEnded } from "@/lib/actions/server-action";
import { currentRequestContext } from "@/lib/request-context";

const request = vi.hoisted(() => ({ headers: new Headers(), actor: null as Actor | null }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/lib/session/auth", () => ({ getSessionActor: async () => request.actor }));

// What the wrapper logs, read back as JSON lines.
const logged = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("@/lib/logger", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/logger")>();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { ...real, logger: real.createLogger({ destination, level: "info" }) };
});

const alice = sessionActor({ id: "0190a0a0-0000-7000-8000-000000000001", email: "alice@example.test", role: "user" }, "s1");

function form(fields: Record<string, string | string[]>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) formData.append(name, one);
  return formData;
}

const rename = formAction(
  { action: "me.update", schema: z.object({ name: z.string().min(1, "Enter a name."), password: z.string().optional() }) },
  async ({ actor, input }) => ({ success: `${actor.email} renamed to ${input.name}` }),
);

describe("serverAction", () => {
  beforeEach(() => {
    request.headers = new Headers({ "x-request-id": "req-action-1", "x-forwarded-for": "203.0.113.9", "user-agent": "Vitest" });
    request.actor = alice;
    logged.length = 0;
  });

  it("runs the handler with the caller and the parsed form inside the request's context", async () => {
    let seen: unknown;
    const action = formAction({ action: "me.update", schema: z.object({ name: z.string() }) }, async ({ input }) => {
      seen = currentRequestContext();
      return { success: input.name };
    });
    expect(await action({}, form({ name: "Bob" }))).toEqual({ success: "Bob" });
    expect(seen).toEqual({ requestId: "req-action-1", ip: "203.0.113.9", userAgent: "Vitest" });
  });

  it("answers invalid fields inline and keeps what was typed, except secrets", async () => {
    const passkey = { passkeyChallenge: "handle", passkeyResponse: '{"id":"x"}' };
    const state = await rename({}, form({ name: "", password: "hunter22", ...passkey, other: "kept" }));
    expect(state.fieldErrors).toEqual([{ field: "name", message: "Enter a name." }]);
    expect(state.values).toEqual({ name: "", other: "kept" });
  });

  it("shows a refusal's message, or its field errors", async () => {
    const refuse = formAction({ action: "me.update" }, async () => {
      throw new AppError("conflict", "That name is taken.");
    });
    expect(await refuse({}, form({ name: "Bob" }))).toEqual({ error: "That name is taken.", code: "conflict", values: { name: "Bob" } });
    const refuseField = formAction({ action: "me.update" }, async () => {
      throw new AppError("validation_failed", "Invalid.", { fieldErrors: [{ field: "name", message: "Too odd." }] });
    });
    expect((await refuseField({}, form({ name: "Bob" }))).fieldErrors).toEqual([{ field: "name", message: "Too odd." }]);
  });

  it("logs an unexpected failure with the request id and tells the person only that id", async () => {
    const broken = formAction({ action: "me.update" }, async () => {
      throw new Error("connection reset by peer");
    });
    const state = await broken({}, form({ name: "Bob" }));
    expect(state.error).toMatch(/went wrong.*req-action-1/);
    expect(state.error).not.toMatch(/connection reset/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, requestId: "req-action-1", msg: "server action failed" });
    expect(JSON.stringify(logged[0])).toMatch(/connection reset by peer/);
  });

  it("tells a caller whose session ended so, without running the handler", async () => {
    request.actor = null;
    const handler = vi.fn(async () => ({}));
    const state = await formAction({ action: "me.update" }, handler)({}, form({ name: "Bob" }));
    expect(state).toEqual({ error: sessionEnded, code: "unauthorized", values: { name: "Bob" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs public actions without a session", async () => {
    request.actor = null;
    const open = formAction({ action: "auth.sign-up" }, async ({ actor }) => ({ success: String(actor) }));
    expect(await open({}, form({}))).toEqual({ success: "null" });
  });

  it("lets Next.js redirects through", async () => {
    const { redirect } = await import("next/navigation");
    const leave = formAction({ action: "me.update" }, async () => redirect("/elsewhere"));
    await expect(leave({}, form({}))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/elsewhere/) });
  });

  it("validates an argument from the client like a form", async () => {
    const pick = serverAction({ action: "me.update", schema: z.object({ step: z.enum(["a", "b"]) }) }, async ({ input }) => ({
      success: input.step,
    }));
    expect(await pick({ step: "a" })).toEqual({ success: "a" });
    const refused = await pick({ step: "__proto__" } as never);
    expect(refused.fieldErrors?.[0]?.field).toBe("step");
    expect(refused.success).toBeUndefined();
  });

  it("reads repeated fields as a list and a field named __proto__ as a plain field", () => {
    const input = formInput(form({ scopes: ["read", "write"], ["__proto__"]: "x", $ACTION_ID_1: "" }));
    expect(Object.keys(input)).toEqual(["scopes", "__proto__"]);
    expect(input.scopes).toEqual(["read", "write"]);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
  });
});
