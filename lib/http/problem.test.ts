import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

async function problemOf(thrown: unknown) {
  const response = problemResponse(thrown, "req-1");
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe("problemResponse", () => {
  it("answers validation errors with 422 and one entry per field", async () => {
    const schema = z.strictObject({ email: z.email("Enter a valid email address."), age: z.number() });
    const { response, body } = await problemOf(schema.safeParse({ email: "x", age: "1", extra: 1 }).error);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: "email", message: "Enter a valid email address." },
        { field: "age", message: expect.any(String) },
        { field: "extra", message: "Unknown field." },
      ]),
    );
  });

  it("maps each AppError code to its status and keeps its headers", async () => {
    const { response, body } = await problemOf(new AppError("unauthorized", "Sign in.", { headers: { "www-authenticate": "Bearer" } }));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(body).toMatchObject({ status: 401, code: "unauthorized", detail: "Sign in.", requestId: "req-1" });
  });

  it("maps values the database refuses (NUL, bad uuid, date or number out of range) to 400, never 500", async () => {
    const driverError = (originalCode: string) => ({
      code: "P2039",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "postgres" } } },
    });
    for (const thrown of [driverError("22021"), driverError("22008"), driverError("22007"), { code: "P2007" }, { code: "P2020" }]) {
      const { response, body } = await problemOf(thrown);
      expect(response.status, JSON.stringify(thrown)).toBe(400);
      expect(body).toMatchObject({ code: "bad_request", requestId: "req-1" });
    }
    // Outside class 22 the database did not refuse a value: an unknown column stays a 500.
    expect((await problemOf(driverError("42703"))).response.status).toBe(500);
  });

  it("maps unique-constraint violations to 409 and missing records to 404", async () => {
    expect((await problemOf({ code: "P2002" })).response.status).toBe(409);
    expect((await problemOf({ code: "P2025" })).response.status).toBe(404);
  });

  it("answers unknown errors with 500 and a request id, revealing nothing internal", async () => {
    const { response, body } = await problemOf(new Error("connection to 10.0.0.5 refused at db.ts:42"));
    expect(response.status).toBe(500);
    expect(body.requestId).toBe("req-1");
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|db\.ts/);
  });
});
