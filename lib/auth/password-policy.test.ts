import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";
import { passwordField } from "@/lib/schemas/fields";

const email = "ada.lovelace@example.test";
const problemOf = (password: string, forEmail = email) => passwordProblem({ password, email: forEmail });

describe("password policy", () => {
  it.each(["Password1!", "Summer2024!", "Welcome2024", "password", "PassWord", "iloveyou", "qwertyuiop", "2024Dragon!!"])(
    "refuses the leaked or decorated common password %s",
    (password) => {
      expect(problemOf(password)).toMatch(/leaked passwords|common password with digits or symbols/);
    },
  );

  it.each(["usermanager", "Usermanager2024", "my-USER-manager-pw", "user manager rocks"])(
    "refuses the product's name in %s",
    (password) => {
      expect(problemOf(password)).toBe("Do not use the name of this application in your password.");
    },
  );

  it.each(["ada.lovelace@example.test", "Ada.Lovelace-1815", "adalovelace!x", "xx ada.lovelace yy"])(
    "refuses a password containing the account's address: %s",
    (password) => {
      expect(problemOf(password)).toBe("Do not use your email address in your password.");
    },
  );

  it("ignores local parts too short to mean anything", () => {
    expect(problemOf("tangerine-kettle-orbit-47", "al@example.test")).toBeNull();
  });

  it.each(["correct horse battery staple", "tangerine-kettle-orbit-47", "ü".repeat(64), "Xq7#kd92-vhL", "Ad4!lovely-kettles"])(
    "accepts %s",
    (password) => {
      expect(problemOf(password)).toBeNull();
    },
  );

  it.each([
    ["short1", "Use at least 8 characters."],
    ["x".repeat(257), "Use at most 256 characters."],
  ])("leaves length to the schema: %s", (password, message) => {
    const result = passwordField.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
