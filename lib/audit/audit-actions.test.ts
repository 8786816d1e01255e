import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions } from "@/lib/audit/audit-actions";
import type { AuditEventInput } from "@/lib/services/audit/record-audit-event";

const root = path.resolve(import.meta.dirname, "../..");
const catalogue = path.join("lib", "audit", "audit-actions.ts");

/** Every source file that can write an audit event, the catalogue and tests aside. */
function sourceFiles(): string[] {
  return ["app", "lib"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.join(folder, file))
      .filter(
        (file) =>
          /\.tsx?$/.test(file) && !file.endsWith(".test.ts") && !file.startsWith(path.join("lib", "generated")) && file !== catalogue,
      ),
  );
}

describe("the audit action catalogue", () => {
  const sources = sourceFiles().map((file) => readFileSync(path.join(root, file), "utf8"));

  // The type check catches names missing from the catalogue; this catches the reverse,
  // names described here that no code writes any more, which would mislead readers.
  it.each(Object.keys(auditActions))("%s is written somewhere", (action) => {
    expect(sources.some((source) => source.includes(`"${action}"`))).toBe(true);
  });

  it("describes every action in one line", () => {
    for (const description of Object.values(auditActions)) expect(description).toMatch(/^[A-Z].{10,120}\.$/);
  });

  it("refuses a misspelt action at compile time", () => {
    // @ts-expect-error -- "user.create" is not in the catalogue, so the type check fails.
    const misspelt: AuditEventInput["action"] = "user.create";
    expect(Object.hasOwn(auditActions, misspelt)).toBe(false);
  });
});
