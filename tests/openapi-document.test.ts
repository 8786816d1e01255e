import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "@/e2e/fuzz/openapi";
import { servedOpenApiDocument } from "@/tests/support/served-openapi-document";

/** The served document's own shape: its schemas compile and its patterns mean what they say. Real answers: openapi-contract.test.ts. */
let document: Document;
beforeAll(async () => {
  document = await servedOpenApiDocument();
});

/**
 * The keywords OpenAPI 3.1 adds to JSON Schema; any other unknown keyword is a mistake.
 * The document's own top-level fields are named too, since ajv reads the whole document
 * as the root its `$ref`s point into.
 */
const openApiKeywords = ["discriminator", "xml", "externalDocs", "example"];
const documentFields = ["openapi", "info", "servers", "paths", "components", "tags", "security", "webhooks", "jsonSchemaDialect"];

function strictValidator(keywords = openApiKeywords) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(keywords);
  return ajv;
}

const pointer = (parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Where every schema of the document sits: components, parameters, request and response bodies. */
function schemaPointers(): string[] {
  const pointers = Object.keys(document.components?.schemas ?? {}).map((name) => pointer(["components", "schemas", name]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      (operation.parameters ?? []).forEach((_, index) =>
        pointers.push(pointer(["paths", path, method, "parameters", String(index), "schema"])),
      );
      for (const media of Object.keys(operation.requestBody?.content ?? {}))
        pointers.push(pointer(["paths", path, method, "requestBody", "content", media, "schema"]));
      for (const [status, response] of Object.entries(operation.responses))
        for (const media of Object.keys(response.content ?? {}))
          pointers.push(pointer(["paths", path, method, "responses", status, "content", media, "schema"]));
    }
  }
  return pointers;
}

function collectPatterns(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectPatterns(item, found));
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      if (key === "pattern" && typeof item === "string") found.add(item);
      else collectPatterns(item, found);
    }
  return found;
}

/** For each pattern of the document: a value it must accept and one it must refuse. A new pattern needs its line here. */
const patternExamples: Record<string, [accepted: string, refused: string]> = {
  "^[^\\x00-\\x1F\\x7F-\\x9F]*$": ["Zoë Ağaoğlu – 東京 ✓", "two\nlines"],
  "^[A-Za-z0-9_-]{20,128}$": ["Vd3_kq-9ZxY2mN7pL0aBcD", "too-short"],
  "^[0-9]+$": ["42", "4.2"],
  "^[a-z0-9]+(?:-[a-z0-9]+)*$": ["acme-labs", "acme--labs"],
  "^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$": [`$2b$12$${"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0"}`, "$2b$12$short"],
  "^[A-Za-z0-9_-]+={0,2}$": ["cGFzc2tleQ==", "cGFz c2tleQ"],
  "^[a-z-]{1,32}$": ["hybrid", "USB"],
  "^[a-z][a-z0-9_-]*$": ["cost_centre-2", "Cost"],
};

describe("the served OpenAPI document, read by an independent validator", () => {
  it("has schemas that compile under JSON Schema 2020-12 with known keywords and formats", () => {
    const ajv = strictValidator([...openApiKeywords, ...documentFields]);
    ajv.addSchema(document as object, "openapi");
    const failures: string[] = [];
    const pointers = schemaPointers();
    for (const at of pointers) {
      try {
        if (!ajv.getSchema(`openapi#/${at}`)) failures.push(`${at}: not found`);
      } catch (error) {
        failures.push(`${at}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(pointers.length).toBeGreaterThan(200);
  });

  it("has patterns that are ECMA-262 as JSON Schema reads them, each accepting its example and refusing its counterexample", () => {
    const patterns = [...collectPatterns(document)].sort();
    expect(patterns.filter((pattern) => !(pattern in patternExamples))).toEqual([]);
    const ajv = strictValidator();
    for (const pattern of patterns) {
      const [accepted, refused] = patternExamples[pattern]!;
      const validate = ajv.compile({ type: "string", pattern });
      expect({ pattern, accepted: validate(accepted), refused: validate(refused) }).toEqual({ pattern, accepted: true, refused: false });
    }
  });
});
