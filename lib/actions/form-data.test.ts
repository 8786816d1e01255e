import { describe, expect, it } from "vitest";
import { asList, formInput, ticked } from "@/lib/actions/form-data";

describe("form fields", () => {
  it("tells an unticked checkbox on an edit form from one the form did not send", () => {
    const edit = new FormData();
    edit.append("enabled", "off");
    expect(ticked(formInput(edit).enabled)).toBe(false);
    edit.append("enabled", "on");
    expect(ticked(formInput(edit).enabled)).toBe(true);
    expect(ticked(formInput(new FormData()).enabled)).toBeUndefined();
  });

  it("gives a group of checkboxes as a list however many are ticked", () => {
    expect(asList(undefined)).toEqual([]);
    expect(asList("a")).toEqual(["a"]);
    expect(asList(["a", "b"])).toEqual(["a", "b"]);
  });
});
