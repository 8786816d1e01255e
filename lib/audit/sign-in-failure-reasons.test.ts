import { describe, expect, it } from "vitest";
import { describeSignInFailure, signInFailureReasons } from "@/lib/audit/sign-in-failure-reasons";

describe("sign-in failure reasons", () => {
  it("gives each recorded reason its own words, and shows an unknown one as what it is", () => {
    expect(describeSignInFailure("delayed")).toBe("Tried again before the wait was over");
    expect(new Set(Object.values(signInFailureReasons)).size).toBe(Object.keys(signInFailureReasons).length);
    expect(describeSignInFailure("from_an_older_version")).toBe("Other (from_an_older_version)");
    expect(describeSignInFailure("__proto__")).toBe("Other (__proto__)");
  });
});
