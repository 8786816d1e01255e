import "server-only";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { AppError } from "@/lib/errors";
import { getOrganization } from "@/lib/services/organizations/get-organization";

/** The signed-in caller and the organization behind a page's slug; 404 when it cannot see it. */
export async function loadOrganization(slug: string) {
  const actor = await requireSessionActor();
  try {
    const view = await getOrganization({ actor, slug });
    return { actor, ...view, can: (permission: (typeof view.permissions)[number]) => view.permissions.includes(permission) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
