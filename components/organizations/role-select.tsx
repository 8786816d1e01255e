type RoleSelectProps = { id: string; label: string; roles: { id: string; name: string }[]; defaultValue?: string; disabled?: boolean };

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
          <option key={role.id} value={role.name}>
            {role.name}
          </option>
        ))}
      </select>
    </span>
  );
}
