import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination";

const forge = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");
const id = "01900000-0000-7000-8000-000000000001";

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, fields: error.fieldErrors?.map((field) => field.field) } : error;
  }
  return "accepted";
}

describe("decodeCursor", () => {
  it("reads back what encodeCursor wrote", () => {
    expect(decodeCursor(encodeCursor({ value: "a@example.test", id }), z.string())).toEqual({ value: "a@example.test", id });
    expect(decodeCursor(encodeCursor({ value: null, id }), z.null())).toEqual({ value: null, id });
  });

  it("refuses forged cursors with a 422 naming cursor: shape, id and value type", () => {
    const forged = [
      forge({ value: null, id: "not-a-uuid" }),
      forge({ value: 42, id }),
      forge({ value: { $gt: "" }, id }),
      forge({ id }),
      forge({ value: null, id, extra: 1 }),
      forge([null, id]),
      forge(null),
      "%%%%",
      "e30",
    ];
    for (const cursor of forged) {
      expect(
        refusal(() => decodeCursor(cursor, z.null())),
        cursor,
      ).toEqual({ code: "validation_failed", fields: ["cursor"] });
    }
    expect(refusal(() => decodeCursor(forge({ value: "yesterday", id }), z.iso.datetime()))).toEqual({
      code: "validation_failed",
      fields: ["cursor"],
    });
  });
});
