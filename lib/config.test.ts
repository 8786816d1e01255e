import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const valid = {
  DATABASE_URL: "postgresql://app@db:5432/app",
  AUTH_SECRET: "x".repeat(32),
};

describe("parseConfig", () => {
  it("fills in defaults for a minimal environment", () => {
    const config = parseConfig(valid);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.BCRYPT_COST).toBe(12);
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(600);
    expect(config.LOCKOUT_THRESHOLD).toBe(5);
  });

  it("refuses access tokens that would live longer than 15 minutes", () => {
    expect(() => parseConfig({ ...valid, ACCESS_TOKEN_TTL_SECONDS: "901" })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it("names every bad variable in one error", () => {
    const error = (() => {
      try {
        parseConfig({ DATABASE_URL: "mysql://nope", AUTH_SECRET: "short", DATABASE_POOL_SIZE: "lots" });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual(
      expect.arrayContaining(["DATABASE_URL", "AUTH_SECRET", "DATABASE_POOL_SIZE"]),
    );
    expect(message).toContain("See .env.example");
  });

  it("reports a missing required variable by name", () => {
    expect(() => parseConfig({ AUTH_SECRET: valid.AUTH_SECRET })).toThrow(/DATABASE_URL is required/);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ ...valid, LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });
});

describe("account and mail settings", () => {
  it("opens sign-up by default in development only", () => {
    expect(parseConfig({ ...valid, NODE_ENV: "development" }).SIGN_UP_ENABLED).toBe(true);
    expect(parseConfig({ ...valid, NODE_ENV: "production" }).SIGN_UP_ENABLED).toBe(false);
    expect(parseConfig({ ...valid, NODE_ENV: "production", SIGN_UP_ENABLED: "true" }).SIGN_UP_ENABLED).toBe(true);
    expect(parseConfig({ ...valid, SIGN_UP_ENABLED: "false" }).SIGN_UP_ENABLED).toBe(false);
  });

  it("keeps reset links between 30 and 60 minutes and names a bad flag", () => {
    expect(parseConfig(valid).PASSWORD_RESET_TTL_MINUTES).toBe(60);
    expect(() => parseConfig({ ...valid, PASSWORD_RESET_TTL_MINUTES: "120" })).toThrow(/PASSWORD_RESET_TTL_MINUTES/);
    expect(() => parseConfig({ ...valid, SIGN_UP_ENABLED: "yes" })).toThrow(/SIGN_UP_ENABLED must be true or false/);
    expect(parseConfig(valid).EMAIL_VERIFICATION).toBe("optional");
  });
});

describe("organization settings", () => {
  it("lets everyone create organizations unless told admins only", () => {
    expect(parseConfig(valid).ORGANIZATION_CREATION).toBe("everyone");
    expect(parseConfig({ ...valid, ORGANIZATION_CREATION: "admins" }).ORGANIZATION_CREATION).toBe("admins");
    expect(() => parseConfig({ ...valid, ORGANIZATION_CREATION: "owners" })).toThrow(/ORGANIZATION_CREATION/);
  });

  it("takes DNS servers as IP addresses with optional ports, and refuses names", () => {
    expect(parseConfig(valid).DNS_RESOLVER).toBeUndefined();
    expect(parseConfig({ ...valid, DNS_RESOLVER: "127.0.0.1:5353, [::1]:53,9.9.9.9,2620:fe::fe" }).DNS_RESOLVER).toEqual([
      "127.0.0.1:5353",
      "[::1]:53",
      "9.9.9.9",
      "2620:fe::fe",
    ]);
    for (const bad of ["dns.google", "127.0.0.1:99999", "[::1]", "127.0.0.1:", "1.1.1.1,,8.8.8.8"]) {
      expect(() => parseConfig({ ...valid, DNS_RESOLVER: bad }), bad).toThrow(/DNS_RESOLVER must be IP addresses/);
    }
  });
});
