import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Every authorization decision goes through `can` in lib/auth/permissions.ts, which
 * applies a token's scopes and organization limit. Code that looks at the caller's
 * role itself skips both, which is how an organization-limited token once acted as a
 * global admin. These are the shapes such a decision takes.
 */
const roleDecisions: { name: string; pattern: RegExp; example: string }[] = [
  { name: "reads the actor's role", pattern: /\bactor\??\.role\b/, example: 'if (actor.role !== "superadmin") throw notFound();' },
  {
    name: "reads an actor's role under another name",
    pattern: /\b\w*[aA]ctor\w*\??\.role\b/,
    example: "canManageUsers(change.actor.role)",
  },
  {
    name: "compares a role to a role name",
    pattern: /\.role\s*[!=]==?\s*["'](superadmin|admin|user)["']/,
    example: 'session.role === "admin"',
  },
  {
    name: "compares a role name to a role",
    pattern: /["'](superadmin|admin|user)["']\s*[!=]==?\s*\w+(\?\.|\.)role\b/,
    example: '"superadmin" === caller.role',
  },
  {
    name: "passes a role to a role predicate",
    pattern: /\b(isAdministrator|canManageUsers?|canAssignRole)\s*\(/,
    example: "isAdministrator(user.role)",
  },
];

/** The permission module and the role-table data are the only places roles mean anything. */
const allowed = new Set(["lib/auth/permissions.ts", "lib/auth/roles.ts"]);
const scanned = ["app", "components", "lib"];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join("lib", "generated")) && !allowed.has(file));
}

describe("no code outside the permission module decides on a role", () => {
  const files = scanned.flatMap(sourceFiles);

  it("scans the services, pages, route handlers and components", () => {
    for (const expected of [
      "lib/services/users/list-users.ts",
      "lib/services/mail/get-mail-message.ts",
      "app/admin/users/[id]/page.tsx",
      "app/api/v1/users/route.ts",
    ]) {
      expect(files).toContain(expected);
    }
  });

  for (const decision of roleDecisions) {
    it(`finds no file that ${decision.name}`, () => {
      expect(decision.pattern.test(decision.example), "the pattern recognises its own example").toBe(true);
      const offenders = files.filter((file) =>
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .some((line) => decision.pattern.test(line)),
      );
      expect(offenders).toEqual([]);
    });
  }
});
