import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

describe("the email and outbox routes in the API document", () => {
  it.each([
    ["post", "/api/v1/auth/password/forgot", "202"],
    ["post", "/api/v1/auth/password/reset", "200"],
    ["post", "/api/v1/auth/sign-up", "202"],
    ["post", "/api/v1/auth/email/verify", "200"],
    ["post", "/api/v1/users/me/email", "202"],
    ["get", "/api/v1/mail/outbox", "200"],
    ["get", "/api/v1/mail/outbox/{id}", "200"],
  ] as const)("%s %s answers %s and describes 429 or 404", (method, path, success) => {
    const operation = openApiDocument().paths?.[path]?.[method];
    expect(operation?.responses?.[success]).toBeDefined();
    expect(operation?.responses?.["429"] ?? operation?.responses?.["404"]).toBeDefined();
  });

  it("never puts a message body in the outbox list", () => {
    expect(JSON.stringify(openApiDocument().components?.schemas?.MailSummary)).not.toMatch(/"html"|"text"/);
  });
});
