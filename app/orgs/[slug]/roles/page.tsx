import type { Metadata } from "next";
import { createRoleAction, deleteRoleAction, updateRolePermissionsAction } from "@/app/orgs/[slug]/roles/actions";
import { ActionForm } from "@/components/forms/action-form";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { PermissionMatrix } from "@/components/organizations/permission-matrix";
import { TextField } from "@/components/ui/text-field";
import { organizationPermissions, permissionCatalogue } from "@/lib/auth/permission-catalogue";
import { listRoles } from "@/lib/services/organization-roles/list-roles";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  const roles = await listRoles({ actor, organizationId: organization.id });
  const canManage = can("roles:manage");
  return (
    <div className="space-y-8">
      {canManage ? null : <p className="text-sm text-muted">Your role cannot change roles; this is what each one may do.</p>}
      <PermissionMatrix
        actions={{ updatePermissions: updateRolePermissionsAction, remove: deleteRoleAction }}
        organizationId={organization.id}
        roles={roles.data}
        canManage={canManage}
      />
      {canManage ? (
        <section aria-labelledby="new-role" className="max-w-md space-y-3">
          <h2 id="new-role" className="text-lg font-medium">
            New custom role
          </h2>
          <ActionForm
            action={createRoleAction}
            hidden={{ organizationId: organization.id }}
            submitLabel="Create role"
            className="space-y-3"
          >
            <TextField label="Role name" name="name" required />
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Permissions</legend>
              {organizationPermissions.map((code) => (
                <label key={code} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="permissions" value={code} />
                  {code} <span className="text-muted">– {permissionCatalogue[code].description}</span>
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
