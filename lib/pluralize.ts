const rules = new Intl.PluralRules("en");

/**
 * A count with its noun, in the right number: "1 organization", "21 messages". The one
 * way the app says how many, so no label reads "1 organizations" or "message(s)".
 * Nouns whose plural is not the singular plus "s" give it.
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${rules.select(count) === "one" ? singular : plural}`;
}
