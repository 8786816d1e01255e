import type { Metadata } from "next";
import { cancelInteractionAction } from "@/app/interaction/[uid]/actions";
import { loadInteraction } from "@/app/interaction/[uid]/load-interaction";
import { ConfirmToContinue } from "@/components/oidc/confirm-to-continue";
import { InteractionCard } from "@/components/oidc/interaction-card";

export const metadata: Metadata = { title: "Confirm it's you" };

type ConfirmPageProps = { params: Promise<{ uid: string }>; searchParams: Promise<{ check?: string; why?: string }> };

/** The application needs a recent sign-in, or one with a second factor: the person confirms, and it goes on. */
export default async function ConfirmPage({ params, searchParams }: ConfirmPageProps) {
  const { uid } = await params;
  const { check, why } = await searchParams;
  const { actor, interaction } = await loadInteraction(uid);
  const reason =
    why === "second_factor"
      ? `${interaction.client.name} needs a sign-in with a second factor. Confirm with a code from your app or a passkey.`
      : `${interaction.client.name} asks you to confirm who you are before it signs you in.`;
  return (
    <InteractionCard title="Confirm it's you" application={interaction.client} uid={uid} cancel={cancelInteractionAction}>
      <p className="text-sm">{reason}</p>
      <p className="text-sm text-muted">Signed in as {actor.email}.</p>
      <ConfirmToContinue uid={uid} check={check === "password" ? "password" : "second_factor"} />
    </InteractionCard>
  );
}
