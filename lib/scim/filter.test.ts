import { describe, expect, it } from "vitest";
import { filterLimits, parseScimFilter } from "@/lib/scim/filter";
import { ScimError } from "@/lib/scim/scim-error";

const scimTypeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ScimError ? `${error.status} ${error.scimType}` : String(error);
  }
  return "no error";
};

describe("parseScimFilter", () => {
  // The filters of RFC 7644 §3.4.2.2 that name attributes this server keeps.
  it.each([
    ['userName eq "bjensen"', { kind: "compare", path: "username", op: "eq", value: "bjensen" }],
    ['name.familyName co "O\'Malley"', { kind: "compare", path: "name.familyname", op: "co", value: "O'Malley" }],
    ['userName sw "J"', { kind: "compare", path: "username", op: "sw", value: "J" }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', { kind: "compare", path: "username", op: "sw", value: "J" }],
    ["title pr", { kind: "present", path: "title" }],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      { kind: "compare", path: "meta.lastmodified", op: "gt", value: "2011-05-13T04:42:34Z" },
    ],
    ["active eq true", { kind: "compare", path: "active", op: "eq", value: true }],
  ])("parses %s", (text, expected) => {
    expect(parseScimFilter(text)).toEqual(expected);
  });

  it("binds and tighter than or, and honours parentheses and not", () => {
    expect(parseScimFilter('title pr and userType eq "Employee" or active eq false')).toMatchObject({
      kind: "or",
      left: { kind: "and" },
      right: { kind: "compare", path: "active" },
    });
    expect(parseScimFilter('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")')).toMatchObject({
      kind: "and",
      right: { kind: "or" },
    });
    expect(parseScimFilter('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toMatchObject({
      kind: "and",
      right: { kind: "not", filter: { kind: "or" } },
    });
  });

  it("parses value filters on multi-valued attributes", () => {
    expect(parseScimFilter('emails[type eq "work" and value co "@example.com"]')).toMatchObject({
      kind: "valuePath",
      path: "emails",
      filter: { kind: "and" },
    });
  });

  it("reads operators and keywords in any case, as RFC 7644 says they are case-insensitive", () => {
    expect(parseScimFilter('userName EQ "a" AND active Eq TRUE')).toMatchObject({ kind: "and", right: { value: true } });
  });

  it("reads an unquoted word as a string and a sub-attribute after a value filter, as Microsoft's tutorial sends them", () => {
    expect(parseScimFilter("externalId eq jyoung")).toEqual({ kind: "compare", path: "externalid", op: "eq", value: "jyoung" });
    expect(parseScimFilter("userName sw O")).toEqual({ kind: "compare", path: "username", op: "sw", value: "O" });
    expect(parseScimFilter('emails[type eq "work"].value eq "a@example.test"')).toEqual({
      kind: "valuePath",
      path: "emails",
      filter: {
        kind: "and",
        left: { kind: "compare", path: "type", op: "eq", value: "work" },
        right: { kind: "compare", path: "value", op: "eq", value: "a@example.test" },
      },
    });
  });

  it("keeps escaped quotes inside strings", () => {
    expect(parseScimFilter('userName eq "a \\"b\\" c"')).toMatchObject({ value: 'a "b" c' });
  });

  it.each([
    ["", "empty"],
    ['userName eq "open', "unclosed string"],
    ['userName like "b"', "unknown operator"],
    ['(userName eq "b"', "unclosed parenthesis"],
    ['userName eq "b")', "stray parenthesis"],
    ['userName eq "a" and', "dangling and"],
    ['"userName" eq "a"', "string as attribute"],
    ['user;Name eq "a"', "bad attribute name"],
  ])("answers 400 invalidFilter for %j (%s)", (text) => {
    expect(scimTypeOf(() => parseScimFilter(text))).toBe("400 invalidFilter");
  });

  it("refuses filters beyond the limits instead of working through them", () => {
    const deep = `${"(".repeat(filterLimits.depth + 2)}userName eq "a"${")".repeat(filterLimits.depth + 2)}`;
    expect(scimTypeOf(() => parseScimFilter(deep))).toBe("400 invalidFilter");
    const wide = Array.from({ length: filterLimits.nodes + 1 }, (_, index) => `userName eq "${index}"`).join(" or ");
    expect(wide.length).toBeLessThan(filterLimits.length);
    expect(scimTypeOf(() => parseScimFilter(wide))).toBe("400 invalidFilter");
    expect(scimTypeOf(() => parseScimFilter(`userName eq "${"a".repeat(filterLimits.length)}"`))).toBe("400 invalidFilter");
  });
});
