import Link from "next/link";
import type { AuditView } from "@/components/audit/audit-url";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { auditActions } from "@/lib/audit/audit-actions";

type FiltersProps = { view: AuditView; base: string; errors: Record<string, string>; organizationFilter: boolean };

/**
 * A plain GET form: applying it loads the page with the filters as URL parameters, so
 * it works without JavaScript and every view can be bookmarked or shared.
 */
export function AuditFilters({ view, base, errors, organizationFilter }: FiltersProps) {
  const actions = Object.keys(auditActions)
    .sort()
    .map((action) => ({ value: action, label: action }));
  // A list of actions from a link (the dashboard's security events) stays selectable as it is.
  const custom =
    view.action && !actions.some((option) => option.value === view.action)
      ? [{ value: view.action, label: view.action.replaceAll(",", ", ") }]
      : [];
  return (
    <form method="get" action={base} role="search" aria-label="Filter audit events" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField
        label="Action"
        name="action"
        defaultValue={view.action ?? ""}
        error={errors.action}
        options={[{ value: "", label: "Any action" }, ...custom, ...actions]}
      />
      <TextField label="Actor" name="actor" defaultValue={view.actor} error={errors.actor} placeholder="Email or user id" />
      <TextField
        label="Target user"
        name="target"
        type="search"
        defaultValue={view.target}
        error={errors.target}
        placeholder="Email, part of one, or user id"
      />
      {/* A search from an older link (q) stays applied until cleared. */}
      {view.q ? <input type="hidden" name="q" value={view.q} /> : null}
      {organizationFilter ? (
        <TextField
          label="Organization"
          name="organization"
          defaultValue={view.organization}
          error={errors.organization}
          placeholder="Address, name or id"
        />
      ) : null}
      <TextField label="Client address" name="ip" defaultValue={view.ip} error={errors.ip} placeholder="203.0.113.7" />
      <TextField label="From" name="from" type="date" defaultValue={view.from?.slice(0, 10)} error={errors.from} />
      <TextField label="To" name="to" type="date" defaultValue={view.to?.slice(0, 10)} error={errors.to} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Link href={base} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Clear
        </Link>
      </div>
    </form>
  );
}
