import type { Metadata } from "next";
import { createOrganizationAction } from "@/app/orgs/new/actions";
import { CreateOrganizationForm } from "@/components/organizations/create-organization-form";
import { requireSessionActor } from "@/lib/session/require-session-actor";
import { mayCreateOrganizations } from "@/lib/services/organizations/may-create-organizations";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const actor = await requireSessionActor();
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">New organization</h1>
      {mayCreateOrganizations(actor) ? (
        <>
          <p className="text-sm text-muted">You become its owner.</p>
          <CreateOrganizationForm submit={createOrganizationAction} />
        </>
      ) : (
        <p className="text-sm text-muted">On this installation only administrators create organizations. Ask one to create it for you.</p>
      )}
    </div>
  );
}
