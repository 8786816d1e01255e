import { describe, expect, it } from "vitest";
import { parseUserImport } from "@/lib/schemas/parse-user-import";

describe("parseUserImport", () => {
  it("reads CSV with a header, quotes, embedded commas and a byte-order mark", () => {
    const csv = '\uFEFFemail,name,role,password_hash\r\na@example.test,"Lovelace, Ada",admin,\nb@example.test,"Say ""hi""",,\n\n';
    expect(parseUserImport(csv, "csv")).toEqual([
      { email: "a@example.test", name: "Lovelace, Ada", role: "admin", passwordHash: "" },
      { email: "b@example.test", name: 'Say "hi"', role: "", passwordHash: "" },
    ]);
  });

  it("refuses malformed CSV and JSON with a 4xx", () => {
    expect(() => parseUserImport('email,name\n"unterminated,x\n', "csv")).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => parseUserImport("{", "json")).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => parseUserImport('{"a":1}', "json")).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });

  it("accepts a JSON array or an object holding one", () => {
    expect(parseUserImport('[{"email":"a@example.test"}]', "json")).toHaveLength(1);
    expect(parseUserImport('{"users":[{"email":"a@example.test"}]}', "json")).toHaveLength(1);
  });
});
