// Fields a form never gets back: secrets (a passkey ceremony's handle and answer too), and the ids React adds to every action's form data.
const unkept = /password|token|passkeyChallenge|passkeyResponse|^\$/i;

/**
 * A form's fields as one object for a schema: a name sent once gives its value, a name
 * sent several times (checkboxes) gives the list. `Object.fromEntries` defines own
 * properties, so a field named `__proto__` stays a plain field.
 */
export function formInput(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  return Object.fromEntries(
    [...new Set(formData.keys())]
      .filter((name) => !name.startsWith("$"))
      .map((name) => {
        const all = formData.getAll(name);
        return [name, all.length === 1 ? all[0]! : all];
      }),
  );
}

/** What the form shows again after a refusal, so nobody types it twice; never a secret. */
export function keptValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => !unkept.test(entry[0]) && typeof entry[1] === "string"),
  );
}

/** A group of checkboxes: none checked sends nothing, one checked sends a single value. */
export const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A checkbox that may be unticked on an edit form: its form sends a hidden "off" before it,
 * so "not sent" (undefined: leave as is) differs from "unticked" (false).
 */
export const ticked = (value: unknown): boolean | undefined => (value === undefined ? undefined : asList(value).includes("on"));

/** An input left empty means "not given". */
export const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

const attributePrefix = "attributes.";

/**
 * The inputs named `attributes.<key>` (components/attributes/attribute-value-fields.tsx) as
 * `{ key: text }`. A blank input clears its value on an edit form, and is left out on a
 * form that creates, where "required" then speaks for itself.
 */
export function attributeInputs(form: Record<string, unknown>, blank: "clear" | "omit"): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([name, value]) => name.startsWith(attributePrefix) && !(blank === "omit" && value === ""))
      .map(([name, value]) => [name.slice(attributePrefix.length), value === "" ? null : value]),
  );
}
