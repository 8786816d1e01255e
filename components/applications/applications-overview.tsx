import { ApplicationCreateForm, type ApplicationSecretState } from "@/components/applications/application-create-form";
import { ApplicationList } from "@/components/applications/application-list";
import type { FormAction } from "@/lib/form-state";
import type { ApplicationPublic } from "@/lib/schemas/application";

type ApplicationsOverviewProps = {
  applications: ApplicationPublic[];
  basePath: string;
  organizationId: string | null;
  create: FormAction<ApplicationSecretState>;
};

/** The application list and the form to register one; the same for the installation and for an organization. */
export function ApplicationsOverview({ applications, basePath, organizationId, create }: ApplicationsOverviewProps) {
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <p className="text-sm text-muted">
          {organizationId
            ? "Applications registered here sign in this organization's members only (OpenID Connect), or act for the organization as a service."
            : "Applications registered here may sign in anyone with an account (OpenID Connect), or act as a service with client credentials."}{" "}
          The provider&apos;s settings are at <code>/.well-known/openid-configuration</code>.
        </p>
        <ApplicationList applications={applications} basePath={basePath} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Register an application</h2>
        <ApplicationCreateForm submit={create} organizationId={organizationId} />
      </section>
    </div>
  );
}
