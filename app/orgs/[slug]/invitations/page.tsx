import type { Metadata } from "next";
import { inviteAction, resendInvitationAction, revokeInvitationAction } from "@/app/orgs/[slug]/invitations/actions";
import { ActionForm } from "@/components/forms/action-form";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { RoleSelect, roleOptions } from "@/components/organizations/role-select";
import { Badge } from "@/components/ui/badge";
import { TextField } from "@/components/ui/text-field";
import { listInvitations } from "@/lib/services/invitations/list-invitations";
import { listRoles } from "@/lib/services/organization-roles/list-roles";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, permissions, can } = await loadOrganization((await params).slug);
  if (!can("members:invite")) return <p className="text-sm text-muted">Your role cannot invite people.</p>;
  const organizationId = organization.id;
  const [invitations, roles] = await Promise.all([
    listInvitations({ actor, organizationId, query: { limit: 100 } }),
    listRoles({ actor, organizationId }),
  ]);
  return (
    <div className="space-y-6">
      <section aria-labelledby="invite" className="max-w-md space-y-3">
        <h2 id="invite" className="text-lg font-medium">
          Invite someone
        </h2>
        <ActionForm action={inviteAction} hidden={{ organizationId }} submitLabel="Send invitation" className="space-y-3">
          <TextField label="Email to invite" name="email" type="email" required />
          <RoleSelect id="invite-role" label="Role to offer" roles={roleOptions(roles.data, permissions)} defaultValue="member" />
        </ActionForm>
      </section>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Open invitations">
        {invitations.data.map((invitation) => (
          <li key={invitation.id} data-testid={`invitation-${invitation.email}`} className="flex items-center gap-3 py-2 text-sm">
            <span className="font-medium">{invitation.email}</span>
            <Badge>{invitation.role.name}</Badge>
            <Badge tone={invitation.status === "pending" ? "green" : "amber"}>{invitation.status}</Badge>
            <ActionForm
              action={resendInvitationAction}
              hidden={{ organizationId, invitationId: invitation.id }}
              submitLabel="Resend"
              variant="secondary"
              className="ml-auto"
            />
            <ActionForm
              action={revokeInvitationAction}
              hidden={{ organizationId, invitationId: invitation.id }}
              submitLabel="Revoke"
              variant="danger-outline"
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
