import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";

describe("consumeRateLimit", () => {
  it("allows up to the limit, then refuses until the window ends", async () => {
    const rule = { key: `test:${randomUUID()}`, limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(rule));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(50);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("starts a new window once the old one has passed", async () => {
    const rule = { key: `test:${randomUUID()}`, limit: 1, windowSeconds: 1 };
    expect((await consumeRateLimit(rule)).allowed).toBe(true);
    expect((await consumeRateLimit(rule)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await consumeRateLimit(rule)).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent hits through", async () => {
    const rule = { key: `test:${randomUUID()}`, limit: 5, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit(rule)));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });
});

describe("enforceRateLimits", () => {
  it("throws 429 with Retry-After when any rule is exceeded", async () => {
    const perIp = { key: `test:${randomUUID()}`, limit: 10, windowSeconds: 60 };
    const perAccount = { key: `test:${randomUUID()}`, limit: 1, windowSeconds: 120 };
    await enforceRateLimits([perIp, perAccount]);
    const error = await enforceRateLimits([perIp, perAccount]).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect(Number((error as AppError).headers?.["retry-after"])).toBeGreaterThan(100);
    expect((error as AppError).message).toMatch(/Try again in 2 minutes/);
  });
});
