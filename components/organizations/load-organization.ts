import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { getOrganization } from "@/lib/services/organizations/get-organization";

/** The signed-in caller and the organization behind a page's slug; 404 when it cannot see it. */
export async function loadOrganization(slug: string) {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/orgs/${slug}`)}`);
  try {
    const view = await getOrganization({ actor, slug });
    return { actor, ...view, can: (permission: (typeof view.permissions)[number]) => view.permissions.includes(permission) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
