import type { Metadata } from "next";
import { createOrganizationAction } from "@/app/orgs/new/actions";
import { CreateOrganizationForm } from "@/components/organizations/create-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default function NewOrganizationPage() {
  return (
    <div className="max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">New organization</h1>
      <p className="text-sm text-muted">You become its owner.</p>
      <CreateOrganizationForm submit={createOrganizationAction} />
    </div>
  );
}
