import type { Metadata } from "next";
import { cancelInteractionAction, consentAction } from "@/app/interaction/[uid]/actions";
import { loadInteraction } from "@/app/interaction/[uid]/load-interaction";
import { ActionForm } from "@/components/forms/action-form";
import { InteractionCard } from "@/components/oidc/interaction-card";
import { describeScopes } from "@/lib/oidc/scope-descriptions";

export const metadata: Metadata = { title: "Allow access" };

/** An application that is not the installation's own asks for the person's permission, listing what it would get. */
export default async function ConsentPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const { actor, interaction } = await loadInteraction(uid);
  const scopes = describeScopes(interaction.params.scope);
  return (
    <InteractionCard
      title={`Allow ${interaction.client.name}?`}
      application={interaction.client}
      uid={uid}
      cancel={cancelInteractionAction}
    >
      <p className="text-sm">
        <strong>{interaction.client.name}</strong> asks to use your account <strong>{actor.email}</strong>. It would be able to:
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {scopes.map(({ scope, description }) => (
          <li key={scope}>{description}</li>
        ))}
      </ul>
      <p className="text-sm text-muted">You can take this back at any time under Account → Applications.</p>
      <div className="flex gap-2">
        <ActionForm action={consentAction} hidden={{ uid, decision: "allow" }} submitLabel="Allow" />
        <ActionForm action={consentAction} hidden={{ uid, decision: "deny" }} submitLabel="Don't allow" variant="secondary" />
      </div>
    </InteractionCard>
  );
}
