import { ActionForm } from "@/components/forms/action-form";
import { organizationPermissions, permissionCatalogue } from "@/lib/auth/permission-catalogue";
import type { FormAction } from "@/lib/form-state";
import type { RolePublic } from "@/lib/schemas/organization";

type PermissionMatrixProps = {
  actions: { updatePermissions: FormAction; remove: FormAction };
  organizationId: string;
  roles: RolePublic[];
  canManage: boolean;
};

/**
 * Roles down, permissions across. Each custom role's row is one form (its checkboxes
 * join it through the `form` attribute); built-in rows are shown but cannot change.
 */
export function PermissionMatrix({ actions, organizationId, roles, canManage }: PermissionMatrixProps) {
  return (
    // Focusable, so the columns that do not fit can be scrolled to from the keyboard even when every box is disabled.
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Permissions of each role">
      <table className="text-sm">
        <caption className="sr-only">Permissions of each role</caption>
        <thead>
          <tr>
            <th className="px-2 py-2 text-left">Role</th>
            {organizationPermissions.map((code) => (
              <th key={code} scope="col" title={permissionCatalogue[code].description} className="px-2 py-2 text-xs font-medium text-muted">
                {code}
              </th>
            ))}
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {roles.map((role) => {
            const formId = `role-form-${role.id}`;
            const readOnly = role.builtIn || !canManage;
            return (
              <tr key={role.id} data-testid={`role-${role.name}`}>
                <th scope="row" className="px-2 py-2 text-left font-medium">
                  {role.name}
                  {role.builtIn ? <span className="block text-xs font-normal text-muted">built-in, fixed</span> : null}
                </th>
                {organizationPermissions.map((code) => (
                  <td key={code} className="px-2 text-center">
                    <input
                      type="checkbox"
                      name="permissions"
                      value={code}
                      form={formId}
                      aria-label={`${role.name}: ${code}`}
                      defaultChecked={code === "organization:read" || role.permissions.includes(code)}
                      disabled={readOnly || code === "organization:read"}
                    />
                  </td>
                ))}
                <td className="flex gap-2 px-2 py-1">
                  {readOnly ? null : (
                    <>
                      <ActionForm
                        id={formId}
                        action={actions.updatePermissions}
                        hidden={{ organizationId, roleId: role.id }}
                        submitLabel={`Save ${role.name}`}
                        variant="secondary"
                      />
                      <ActionForm
                        action={actions.remove}
                        hidden={{ organizationId, roleId: role.id }}
                        submitLabel={`Delete ${role.name}`}
                        variant="danger-outline"
                      />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
