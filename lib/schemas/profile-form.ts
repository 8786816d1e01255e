import type { PhoneNumber } from "@/lib/schemas/profile";

/**
 * How the profile travels in a form. Inputs are named `profile.<field>` (and
 * `enterprise.<field>`), so a field error's name (`profile.timeZone`) is the input's own;
 * the phone list is one text area, a number per line with its type after a comma
 * ("+1 555 0100, mobile"), the first line being the primary number.
 */

/** The phone list as the text area shows it, the primary number first. */
export function phoneNumbersText(phones: PhoneNumber[]): string {
  const ordered = [...phones].sort((a, b) => Number(b.primary) - Number(a.primary));
  return ordered.map((phone) => (phone.type === "work" ? phone.value : `${phone.value}, ${phone.type}`)).join("\n");
}

/** The text area's lines as phone numbers; a type is left as typed, for the schema to name an unknown one. */
export function phoneNumbersFromText(text: string): { value: string; type: string; primary: boolean }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const comma = line.lastIndexOf(",");
      if (comma < 0) return { value: line, type: "work", primary: index === 0 };
      return {
        value: line.slice(0, comma).trim(),
        type: line
          .slice(comma + 1)
          .trim()
          .toLowerCase(),
        primary: index === 0,
      };
    });
}

/**
 * A form's flat inputs with those named `<group>.<field>` gathered into `{ group: { field } }`;
 * the phone text area becomes its list. Built with Object.fromEntries, so an input named
 * `__proto__` stays a plain field.
 */
export function nestFormGroups(form: unknown, groups: readonly string[]): unknown {
  if (!form || typeof form !== "object") return form;
  const plain: [string, unknown][] = [];
  const grouped = new Map<string, [string, unknown][]>();
  for (const [key, value] of Object.entries(form)) {
    const dot = key.indexOf(".");
    const group = dot > 0 ? key.slice(0, dot) : "";
    if (!groups.includes(group)) {
      plain.push([key, value]);
      continue;
    }
    const field = key.slice(dot + 1);
    const parsed = group === "profile" && field === "phoneNumbers" && typeof value === "string" ? phoneNumbersFromText(value) : value;
    grouped.set(group, [...(grouped.get(group) ?? []), [field, parsed]]);
  }
  return Object.fromEntries([...plain, ...[...grouped].map(([group, entries]) => [group, Object.fromEntries(entries)])]);
}
