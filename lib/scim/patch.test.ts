import { describe, expect, it } from "vitest";
import { applyPatch, patchRequestSchema } from "@/lib/scim/patch";
import { ScimError } from "@/lib/scim/scim-error";
import { scimUrn } from "@/lib/scim/schema-urns";

const user = () => ({
  schemas: [scimUrn.user],
  id: "2819c223",
  userName: "bjensen@example.com",
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
  active: true,
});

const patch = (...Operations: unknown[]) => patchRequestSchema.parse({ schemas: [scimUrn.patchOp], Operations });

describe("applyPatch", () => {
  it("replaces with a path, and with capitalised ops as Entra ID sends them", () => {
    const result = applyPatch(
      user(),
      patch({ op: "Replace", path: "active", value: "False" }, { op: "Add", path: "displayName", value: "Babs" }),
    );
    expect(result).toMatchObject({ active: "False", displayName: "Babs" });
  });

  it("applies a value object without a path, as Okta deactivates", () => {
    expect(applyPatch(user(), patch({ op: "replace", value: { active: false } }))).toMatchObject({ active: false });
  });

  it("takes dotted keys of a value object as sub-attributes (Entra ID's name.givenName)", () => {
    const result = applyPatch(user(), patch({ op: "replace", value: { "name.givenName": "Babs", "name.familyName": "J" } }));
    expect(result.name).toEqual({ givenName: "Babs", familyName: "J" });
  });

  it("sets a sub-attribute by path, with or without the schema URN", () => {
    const result = applyPatch(user(), patch({ op: "replace", path: `${scimUrn.user}:name.familyName`, value: "Jensen-Smith" }));
    expect(result.name).toEqual({ givenName: "Barbara", familyName: "Jensen-Smith" });
  });

  it("replaces the value matched by a filter path, and makes it when none matches", () => {
    const changed = applyPatch(user(), patch({ op: "replace", path: 'emails[type eq "work"].value', value: "babs@example.com" }));
    expect(changed.emails).toEqual([{ value: "babs@example.com", type: "work", primary: true }]);
    const made = applyPatch(
      { ...user(), emails: [] },
      patch({ op: "add", path: 'emails[type eq "work"].value', value: "new@example.com" }),
    );
    expect(made.emails).toEqual([{ type: "work", value: "new@example.com" }]);
  });

  it("adds members without duplicates and removes them by filter or by listed value (RFC 7644 §3.5.2.1, .2)", () => {
    const group = { displayName: "Tour Guides", members: [{ value: "a" }, { value: "b" }] };
    const added = applyPatch(group, patch({ op: "add", path: "members", value: [{ value: "b" }, { value: "c" }] }));
    expect(added.members).toEqual([{ value: "a" }, { value: "b" }, { value: "c" }]);
    const byFilter = applyPatch(added, patch({ op: "remove", path: 'members[value eq "b"]' }));
    expect(byFilter.members).toEqual([{ value: "a" }, { value: "c" }]);
    const byValue = applyPatch(added, patch({ op: "Remove", path: "members", value: [{ value: "a" }, { value: "c" }] }));
    expect(byValue.members).toEqual([{ value: "b" }]);
    expect(applyPatch(added, patch({ op: "remove", path: "members" })).members).toBeUndefined();
  });

  it("replaces all members with a replace on the attribute", () => {
    const group = { displayName: "Tour Guides", members: [{ value: "a" }] };
    expect(applyPatch(group, patch({ op: "replace", path: "members", value: [{ value: "z" }] })).members).toEqual([{ value: "z" }]);
  });

  it("keeps an extension's attributes under its schema URN", () => {
    const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    const result = applyPatch(
      user(),
      patch(
        { op: "Add", path: `${enterprise}:department`, value: "Marketing" },
        { op: "add", value: { [enterprise]: { costCenter: "4130" } } },
      ),
    );
    expect(result[enterprise]).toEqual({ department: "Marketing", costCenter: "4130" });
  });

  it("leaves the given resource untouched", () => {
    const original = user();
    applyPatch(original, patch({ op: "replace", path: "userName", value: "other" }));
    expect(original.userName).toBe("bjensen@example.com");
  });

  it("refuses what RFC 7644 refuses: remove without a path (noTarget), a bad path (invalidPath), an unknown op", () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof ScimError ? error.scimType : (error as Error).name;
      }
      return "none";
    };
    expect(refusal(() => applyPatch(user(), patch({ op: "remove" })))).toBe("noTarget");
    expect(refusal(() => applyPatch(user(), patch({ op: "replace", path: "emails[type eq", value: "x" })))).toBe("invalidPath");
    expect(refusal(() => applyPatch(user(), patch({ op: "replace", value: "not an object" })))).toBe("invalidValue");
    expect(refusal(() => patch({ op: "move", path: "userName", value: "x" }))).toBe("ZodError");
    expect(refusal(() => patchRequestSchema.parse({ schemas: ["urn:other"], Operations: [{ op: "add", value: {} }] }))).toBe("ZodError");
  });
});
