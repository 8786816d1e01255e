import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { updateMemberAttributesAction, updateMemberEnterpriseAction } from "@/app/orgs/[slug]/members/actions";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { MemberAttributesSection } from "@/components/organizations/member-attributes-section";
import { MemberEnterpriseForm } from "@/components/organizations/member-enterprise-form";
import type { Actor } from "@/lib/auth/actor";
import { idField } from "@/lib/schemas/fields";
import { getMemberAttributes } from "@/lib/services/attributes/get-member-attributes";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { getMember } from "@/lib/services/organizations/get-member";
import { listMembers } from "@/lib/services/organizations/list-members";
import { shownOrNotFound } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Member" };

/**
 * The organization's attributes of the member as this viewer may see them: every one for
 * whoever may change members, the member's own (not those kept for administrators) for the
 * member, none for colleagues.
 */
async function memberAttributes(actor: Actor, organizationId: string, userId: string, mayChange: boolean) {
  if (!mayChange && actor.userId !== userId) return null;
  const [definitions, { attributes: values }] = await Promise.all([
    listAttributes({ actor, organizationId }),
    getMemberAttributes({ actor, organizationId, userId }),
  ]);
  const audience = mayChange ? ("admin" as const) : ("user" as const);
  const attributes = definitions.data.filter((definition) => audience === "admin" || definition.userAccess !== "none");
  return { attributes, values, audience };
}

/** One member of the organization, with the attributes the organization keeps of them. */
export default async function MemberPage({ params }: { params: Promise<{ slug: string; userId: string }> }) {
  const { slug, userId } = await params;
  const { actor, organization, can } = await loadOrganization(slug);
  if (!idField.safeParse(userId).success || !can("members:read")) notFound();
  const [member, members] = await Promise.all([
    shownOrNotFound(getMember({ actor, organizationId: organization.id, userId })),
    listMembers({ actor, organizationId: organization.id, query: { limit: 100 } }),
  ]);
  const attributes = await memberAttributes(actor, organization.id, member.userId, can("members:update"));
  const managers = members.data
    .filter((candidate) => candidate.userId !== member.userId)
    .map((candidate) => ({ userId: candidate.userId, label: candidate.name ? `${candidate.name} (${candidate.email})` : candidate.email }));
  // The manager may be a member beyond the first hundred, or one the directory deactivated: keep them choosable.
  if (member.enterprise.managerId && !managers.some((manager) => manager.userId === member.enterprise.managerId)) {
    managers.push({ userId: member.enterprise.managerId, label: member.enterprise.managerId });
  }

  return (
    <div className="space-y-6">
      <Link href={`/orgs/${slug}/members`} className="text-sm text-link hover:underline">
        ← All members
      </Link>
      <header>
        <h2 className="text-xl font-semibold">{member.name ?? member.email}</h2>
        <p className="text-sm text-muted">
          {member.email} · {member.role.name}
        </p>
      </header>
      <section aria-labelledby="enterprise" className="max-w-2xl space-y-3">
        <h3 id="enterprise" className="text-lg font-medium">
          In this organization
        </h3>
        <p className="text-sm text-muted">
          Kept by the organization, and by its directory if it provisions this member; they stay when the directory deactivates the member.
        </p>
        <MemberEnterpriseForm
          submit={updateMemberEnterpriseAction}
          organizationId={organization.id}
          userId={member.userId}
          enterprise={member.enterprise}
          managers={managers}
          disabledReason={can("members:update") ? undefined : "Your role cannot change members."}
        />
      </section>
      {attributes ? (
        <MemberAttributesSection
          submit={updateMemberAttributesAction}
          organizationId={organization.id}
          userId={member.userId}
          {...attributes}
        />
      ) : null}
    </div>
  );
}
