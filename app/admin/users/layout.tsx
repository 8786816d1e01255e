import type { ReactNode } from "react";
import { requireAdmin } from "@/app/admin/users/require-admin";

/**
 * Checks access above the loading skeleton: a page that says "not found" only once
 * streaming has begun can no longer change the status from 200, so the check here
 * is what makes the answer a real 404. The pages check again for their own actor.
 */
export default async function UsersAdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
