const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Server-rendered times in UTC, labelled so, since the server cannot know the reader's zone. */
export function formatTime(iso: string | null, never = "Never"): string {
  return iso ? `${formatter.format(new Date(iso))} UTC` : never;
}
