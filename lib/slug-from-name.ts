/**
 * The address a new organization gets from its name, as the slug field accepts it:
 * accents dropped, lower case, anything else between words a single hyphen, at most
 * 48 characters. "Zoë & Co. Labs" becomes "zoe-co-labs".
 */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 48)
    .replace(/^-+|-+$/g, "");
}
