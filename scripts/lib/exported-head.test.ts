import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatHead, parseHead, readHeadFile, writeHeadFile } from "@/scripts/lib/exported-head";

const hash = "ab".repeat(32);
let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("an exported audit chain head", () => {
  it("reads back what audit:verify prints", () => {
    expect(parseHead(formatHead({ seq: "42", hash }))).toEqual({ seq: 42n, hash });
  });

  it.each(["", "42", `42:${hash.slice(1)}`, `-1:${hash}`, `42:${hash.toUpperCase()}`, `x:${hash}`])(
    "refuses %j, never taking it for no head",
    (text) => {
      expect(() => parseHead(text)).toThrow(/not a head/);
    },
  );

  it("is kept in a file: none on the first run, then the last intact head", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "audit-head-"));
    const file = path.join(folder, "head");
    expect(await readHeadFile(file)).toBeNull();
    await writeHeadFile(file, { seq: 7n, hash });
    expect(await readFile(file, "utf8")).toBe(`7:${hash}\n`);
    expect(await readHeadFile(file)).toEqual({ seq: 7n, hash });
  });
});
