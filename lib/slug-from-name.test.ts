import { describe, expect, it } from "vitest";
import { slugFromName } from "@/lib/slug-from-name";
import { slugField } from "@/lib/schemas/organization";

describe("slugFromName", () => {
  it("turns a name into an address the slug field accepts", () => {
    for (const [name, slug] of [
      ["Acme Labs", "acme-labs"],
      ["Zoë & Co. Labs", "zoe-co-labs"],
      ["  --Ünïcode GmbH--  ", "unicode-gmbh"],
      ["A".repeat(30) + " " + "b".repeat(30), `${"a".repeat(30)}-${"b".repeat(17)}`],
    ]) {
      expect(slugFromName(name!)).toBe(slug);
      expect(slugField.safeParse(slugFromName(name!)).success).toBe(true);
    }
  });

  it("leaves nothing when the name has no letters or digits it can use", () => {
    expect(slugFromName("東京 !!")).toBe("");
  });
});
