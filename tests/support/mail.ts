import { db } from "@/lib/db";

/** The newest message to `to` in the outbox, or null. */
export async function latestMailTo(to: string) {
  return db().mailMessage.findFirst({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** The secret of the first link to `path` in the newest message to `to`. */
export async function linkTokenFromMail(to: string, path: string): Promise<string> {
  const message = await latestMailTo(to);
  const match = message?.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No ${path} link in the newest mail to ${to}`);
  return match[1]!;
}
