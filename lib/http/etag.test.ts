import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { versionFromIfMatch } from "@/lib/http/etag";

const withIfMatch = (value: string) => new Request("http://localhost/api/v1/x", { method: "PATCH", headers: { "if-match": value } });

function outcome(value: string) {
  try {
    return versionFromIfMatch(withIfMatch(value));
  } catch (error) {
    return (error as AppError).code;
  }
}

describe("versionFromIfMatch", () => {
  it("reads a version, weak or strong", () => {
    expect(outcome('"3"')).toBe(3);
    expect(outcome('W/"2147483647"')).toBe(2_147_483_647);
  });

  it("answers a version no record can have (beyond PostgreSQL's integer) with 412, as any stale version", () => {
    expect(outcome('"2147483648"')).toBe("precondition_failed");
    expect(outcome('"9999999999"')).toBe("precondition_failed");
  });

  it("refuses what is not an ETag with 400", () => {
    expect(outcome("3")).toBe("bad_request");
    expect(outcome('"99999999999"')).toBe("bad_request");
  });
});
