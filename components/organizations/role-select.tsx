import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import type { RolePublic } from "@/lib/schemas/organization";

type RoleOption = { id: string; name: string; disabled: boolean };
type RoleSelectProps = { id: string; label: string; roles: RoleOption[]; defaultValue?: string; disabled?: boolean };

/** The roles as choices, those that can do more than the caller greyed out (the server refuses them too). */
export function roleOptions(roles: RolePublic[], held: OrganizationPermission[]): RoleOption[] {
  return roles.map((role) => ({ id: role.id, name: role.name, disabled: !role.permissions.every((code) => held.includes(code)) }));
}

/** A labelled choice of the organization's roles, submitted by name. */
export function RoleSelect({ id, label, roles, defaultValue, disabled }: RoleSelectProps) {
  return (
    <span className="inline-flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        disabled={disabled}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {roles.map((role) => (
          <option key={role.id} value={role.name} disabled={role.disabled && role.name !== defaultValue}>
            {role.name}
            {role.disabled ? " (more than your role)" : ""}
          </option>
        ))}
      </select>
    </span>
  );
}
