import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findPendingInteraction } from "@/lib/oidc/interactions";
import { requireSessionActor } from "@/lib/session/require-session-actor";

/** The signed-in person and the application sign-in waiting at this page; the 404 page when it expired or is another browser's. */
export const loadInteraction = cache(async (uid: string) => {
  const actor = await requireSessionActor();
  const interaction = await findPendingInteraction(uid);
  if (!interaction) notFound();
  return { actor, interaction };
});
