"use client";

import Link from "next/link";
import { useState } from "react";
import { BulkActions, type BulkInput } from "@/components/users/bulk-actions";
import { LocalTime } from "@/components/ui/local-time";
import { RoleBadge, StatusBadge } from "@/components/users/user-badges";
import { UserRowActions } from "@/components/users/user-row-actions";
import { usersHref, type UsersView } from "@/components/users/users-url";
import type { GlobalRole } from "@/lib/auth/roles";
import type { CallAction } from "@/lib/form-state";
import type { ManagedUser } from "@/lib/schemas/user";

const sortable = [
  { key: "email", label: "Email" },
  { key: "name", label: "Name" },
  { key: "lastLogin", label: "Last login" },
  { key: "created", label: "Created" },
] as const;

function SortHeader({ view, column, label }: { view: UsersView; column: string; label: string }) {
  const active = (view.sort ?? "created") === column;
  const order = view.order ?? "desc";
  const next = active && order === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}
      className="px-3 py-2 text-left font-medium"
    >
      <Link
        href={usersHref(view, { sort: column, order: next, page: undefined })}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span aria-hidden>{active ? (order === "asc" ? "▲" : "▼") : ""}</span>
        <span className="sr-only">{active ? `, sorted ${order === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    </th>
  );
}

type UsersTableProps = { users: ManagedUser[]; view: UsersView; manageableRoles: GlobalRole[]; bulk: CallAction<BulkInput> };

export function UsersTable({ users, view, manageableRoles, bulk }: UsersTableProps) {
  const [selected, setSelected] = useState<string[]>([]);
  const selectable = users.filter((user) => manageableRoles.includes(user.role) && !user.deletedAt).map((user) => user.id);
  const allSelected = selectable.length > 0 && selectable.every((id) => selected.includes(id));
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  return (
    <div className="space-y-3">
      {selected.length > 0 ? (
        <BulkActions bulk={bulk} selected={selected} assignableRoles={manageableRoles} onDone={() => setSelected([])} />
      ) : null}
      <div className="relative overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all users on this page"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? [] : selectable)}
                  disabled={selectable.length === 0}
                />
              </th>
              <SortHeader view={view} column="email" label={sortable[0].label} />
              <SortHeader view={view} column="name" label={sortable[1].label} />
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Role
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Status
              </th>
              <SortHeader view={view} column="lastLogin" label={sortable[2].label} />
              <SortHeader view={view} column="created" label={sortable[3].label} />
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Actions
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {users.map((user) => (
              <tr key={user.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select ${user.email}`}
                    checked={selected.includes(user.id)}
                    onChange={() => toggle(user.id)}
                    disabled={!selectable.includes(user.id)}
                  />
                </td>
                <td className="max-w-64 truncate px-3 py-2">
                  <Link href={`/admin/users/${user.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {user.email}
                  </Link>
                </td>
                <td className="px-3 py-2">{user.name ?? <span className="text-muted">—</span>}</td>
                <td className="px-3 py-2">
                  <RoleBadge role={user.role} />
                </td>
                <td className="px-3 py-2">
                  <StatusBadge user={user} />
                </td>
                <td className="px-3 py-2">
                  <LocalTime iso={user.lastLoginAt} never="never" />
                </td>
                <td className="px-3 py-2">
                  <LocalTime iso={user.createdAt} never="never" />
                </td>
                <td className="px-3 py-2 text-right">
                  {manageableRoles.includes(user.role) ? <UserRowActions user={user} bulk={bulk} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
