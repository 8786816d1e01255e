import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cancelInteractionAction, switchAccountAction } from "@/app/interaction/[uid]/actions";
import { loadInteraction } from "@/app/interaction/[uid]/load-interaction";
import { ActionForm } from "@/components/forms/action-form";
import { InteractionCard } from "@/components/oidc/interaction-card";
import { enrolmentPage } from "@/lib/auth/second-factor-gate";

export const metadata: Metadata = { title: "Sign in to an application" };

type NoticePageProps = { params: Promise<{ uid: string; notice: string }> };

/** Why an application's sign-in cannot go on with this browser's session, and what the person can do about it. */
export default async function InteractionNoticePage({ params }: NoticePageProps) {
  const { uid, notice } = await params;
  if (notice !== "unavailable" && notice !== "enrol") notFound();
  const { actor, interaction } = await loadInteraction(uid);
  const name = interaction.client.name;
  return (
    <InteractionCard title={`Sign in to ${name}`} application={interaction.client} uid={uid} cancel={cancelInteractionAction}>
      {notice === "enrol" ? (
        <>
          <p role="alert" className="text-sm">
            {name} needs a second factor, and your account has none yet. Set one up, then go back to {name}.
          </p>
          <Link href={enrolmentPage} className="text-sm text-indigo-700 underline dark:text-indigo-300">
            Set up a second factor
          </Link>
        </>
      ) : null}
      {notice === "unavailable" ? (
        <>
          <p role="alert" className="text-sm">
            {actor.email} cannot use {name}
            {interaction.client.organizationId ? ": it is only for members of the organization that registered it" : ""}.
          </p>
          <ActionForm action={switchAccountAction} hidden={{ uid }} submitLabel="Use another account" variant="secondary" />
        </>
      ) : null}
    </InteractionCard>
  );
}
