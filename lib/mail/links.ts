import "server-only";
import { config } from "@/lib/config";

/** An absolute link into the app for emails, from APP_URL, so it works wherever the mail is read. */
export function appLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, config().APP_URL);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
