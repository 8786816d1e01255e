import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UserFacts } from "@/components/users/user-facts";
import type { ManagedUser } from "@/lib/schemas/user";

const facts = (user: Partial<ManagedUser>) =>
  renderToStaticMarkup(
    createElement(UserFacts, { user: { createdAt: "2026-01-01T00:00:00.000Z", failedSignIns: 0, ...user } as ManagedUser, locked: false }),
  );

describe("an account's facts", () => {
  it("explain a missing password by how the person signs in, not only by how the account began", () => {
    expect(facts({ hasPassword: true, lastLoginAt: null })).toContain("<dd>set</dd>");
    expect(facts({ hasPassword: false, lastLoginAt: null })).toContain("not set (invited or imported)");
    expect(facts({ hasPassword: false, lastLoginAt: "2026-02-01T00:00:00.000Z" })).toContain(
      "not set (signs in with single sign-on or a passkey)",
    );
  });
});
