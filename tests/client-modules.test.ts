import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function clientModules(): string[] {
  return ["app", "components"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.join(folder, file))
      .filter((file) => /\.tsx?$/.test(file) && /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8"))),
  );
}

/**
 * A server component that imports a plain function from a "use client" module gets a
 * client reference, and calling it fails the whole page with a 500 (it happened to the
 * account page's session list). So client modules export components and hooks only;
 * shared helpers live in modules without the directive.
 */
describe("client modules", () => {
  it.each(clientModules())("%s exports only components and hooks", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const exported = [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const|let|class)\s+(\w+)/gm)].flatMap(
      (match) => match[1] ?? [],
    );
    expect(exported.filter((name) => !/^(?:[A-Z]|use[A-Z])/.test(name))).toEqual([]);
  });
});
