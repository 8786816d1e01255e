"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { menuContentClass, menuItemClass } from "@/components/shell/menu-styles";

type OrganizationMenuProps = {
  organizations: { slug: string; name: string }[];
  /** Whether "New organization…" is offered (ORGANIZATION_CREATION). */
  canCreate: boolean;
};

/** The header's organization switcher; its label is the organization the page belongs to. */
export function OrganizationMenu({ organizations, canCreate }: OrganizationMenuProps) {
  const pathname = usePathname();
  const currentSlug = /^\/orgs\/([^/]+)/.exec(pathname)?.[1];
  const current = organizations.find((organization) => organization.slug === currentSlug);
  const shown = current?.name ?? "Organizations";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        // The name starts with the text shown, so people who steer by voice can say what they see.
        aria-label={`${shown}, switch organization`}
        className="max-w-48 truncate rounded-md border border-zinc-200 px-3 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-800 dark:hover:bg-zinc-800"
      >
        {shown}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className={menuContentClass}>
          {organizations.map((organization) => (
            <DropdownMenu.Item key={organization.slug} asChild className={menuItemClass}>
              <Link href={`/orgs/${organization.slug}`} aria-current={organization.slug === currentSlug ? "page" : undefined}>
                {organization.name}
              </Link>
            </DropdownMenu.Item>
          ))}
          {canCreate && organizations.length > 0 ? <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" /> : null}
          {canCreate ? (
            <DropdownMenu.Item asChild className={menuItemClass}>
              <Link href="/orgs/new">New organization…</Link>
            </DropdownMenu.Item>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
