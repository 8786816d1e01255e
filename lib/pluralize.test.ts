import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pluralize } from "@/lib/pluralize";

const root = path.resolve(import.meta.dirname, "..");

/** Hand-made plurals: "message(s)", `user${n === 1 ? "" : "s"}`, `n === 1 ? "1 minute" : …`. */
const handMadePlural = /[a-z]\(s\)|=== 1 \? "(?:1 [a-z]|"\s*:\s*"s")/;

function sourceFiles(): string[] {
  return ["app", "components", "lib"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.join(folder, file))
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$|generated|pluralize\.ts$/.test(file)),
  );
}

describe("pluralize", () => {
  it("says one thing or many things, with thousands grouped", () => {
    expect(pluralize(0, "organization")).toBe("0 organizations");
    expect(pluralize(1, "organization")).toBe("1 organization");
    expect(pluralize(21, "message")).toBe("21 messages");
    expect(pluralize(1200, "entry", "entries")).toBe("1,200 entries");
  });

  it("is the only way the app counts things", () => {
    const offenders = sourceFiles().filter((file) => handMadePlural.test(readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
