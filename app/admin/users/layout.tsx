import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/session/require-session-actor";

/**
 * Checks access above the list's loading skeleton: a page that says "not found" only
 * once streaming has begun can no longer change the status from 200, so the check here
 * is what makes the answer a real 404. The skeleton belongs to the list alone ((list)/),
 * so a user's page decides whether the user exists before anything streams and an
 * unknown id answers 404 too. The pages check again for their own actor.
 */
export default async function UsersAdminLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users:read");
  return children;
}
