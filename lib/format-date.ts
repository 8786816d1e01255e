/**
 * The app's date formats, in one place. Plain functions, importable from server and
 * client components alike (a "use client" module's exports are references on the
 * server, not functions a server component can call).
 */
export const dateStyles = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof dateStyles;

const utc = new Intl.DateTimeFormat("en-GB", { ...dateStyles.dateTime, timeZone: "UTC" });

/** The same moment as plain text, for attributes and labels that cannot hold an element. */
export function formatUtc(iso: string | null, never = "never"): string {
  return iso ? `${utc.format(new Date(iso))} UTC` : never;
}
