"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { AttributeFilter } from "@/components/users/attribute-filter";
import { controlClass } from "@/components/ui/field";
import { usersHref, type UsersView } from "@/components/users/users-url";
import type { AttributePublic } from "@/lib/schemas/attributes";

/** Search (debounced) and filters; every change replaces the URL and starts again at page 1. */
export function UsersToolbar({ view, attributes }: { view: UsersView; attributes: AttributePublic[] }) {
  const router = useRouter();
  const [q, setQ] = useState(view.q ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Waits for a pause in typing, so the table is not reloaded on every keystroke.
  const search = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.replace(usersHref(view, { q: value.trim() || undefined, page: undefined })), 300);
  };

  const setFilter = (key: keyof UsersView) => (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    router.replace(usersHref(view, { [key]: event.target.value || undefined, page: undefined }));

  return (
    <form role="search" onSubmit={(event) => event.preventDefault()} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="space-y-1 sm:col-span-2 lg:col-span-2">
        <label htmlFor="users-search" className="block text-sm font-medium">
          Search
        </label>
        <input
          id="users-search"
          type="search"
          placeholder="Email or name"
          value={q}
          onChange={(event) => search(event.target.value)}
          className={controlClass}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="users-role" className="block text-sm font-medium">
          Role
        </label>
        <select id="users-role" value={view.role ?? ""} onChange={setFilter("role")} className={controlClass}>
          <option value="">All roles</option>
          <option value="superadmin">superadmin</option>
          <option value="admin">admin</option>
          <option value="user">user</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="users-status" value={view.status ?? ""} onChange={setFilter("status")} className={controlClass}>
          <option value="">Active and disabled</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
          <option value="deleted">Deleted</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-mfa" className="block text-sm font-medium">
          Second factor
        </label>
        <select id="users-mfa" value={view.hasMfa ?? ""} onChange={setFilter("hasMfa")} className={controlClass}>
          <option value="">With or without</option>
          <option value="true">Has MFA</option>
          <option value="false">No MFA</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-created-from" className="block text-sm font-medium">
          Created from
        </label>
        <input
          id="users-created-from"
          type="date"
          value={view.createdFrom ?? ""}
          onChange={setFilter("createdFrom")}
          className={controlClass}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="users-created-to" className="block text-sm font-medium">
          Created until
        </label>
        <input id="users-created-to" type="date" value={view.createdTo ?? ""} onChange={setFilter("createdTo")} className={controlClass} />
      </div>
      {attributes.length > 0 ? <AttributeFilter view={view} attributes={attributes} /> : null}
    </form>
  );
}
