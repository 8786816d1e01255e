import { expect } from "vitest";
import type { Document } from "@/e2e/fuzz/openapi";
import { api } from "@/tests/support/api";

/**
 * The document as clients read it, checked with a validator of its own (ajv, JSON Schema
 * 2020-12) rather than with the zod schemas it was generated from, which would agree with
 * themselves whatever the document says (tests/openapi-document.test.ts,
 * tests/openapi-contract.test.ts).
 */
export async function servedOpenApiDocument(): Promise<Document> {
  const served = await api("GET", "/api/v1/openapi.json");
  expect(served.status).toBe(200);
  return served.body as unknown as Document;
}
