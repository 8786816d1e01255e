import { describe, expect, it } from "vitest";
import { oauthErrorResponse } from "@/lib/http/oauth-error";
import { tokenRequestSchema } from "@/lib/schemas/oauth";

describe("oauthErrorResponse", () => {
  it("answers a value the database refuses as invalid_request, not server_error", async () => {
    const refused = { code: "P2039", meta: { driverAdapterError: { cause: { originalCode: "22021" } } } };
    const response = oauthErrorResponse(refused, "req-1");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("answers a schema's refusal as invalid_request", async () => {
    const parsed = tokenRequestSchema.safeParse({
      grant_type: "password",
      username: "a@example.test",
      password: "x",
      client_id: "a\u0000b",
    });
    const response = oauthErrorResponse(parsed.error, "req-1");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});
