"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { startTransition } from "react";
import { menuContentClass, menuItemClass } from "@/components/shell/menu-styles";
import type { NavigationItem } from "@/components/shell/navigation";

type UserMenuProps = { name: string | null; email: string; navigation: NavigationItem[]; signOut: () => Promise<unknown> };

/** The signed-in user's menu; on small screens it also carries the navigation. */
export function UserMenu({ name, email, navigation, signOut }: UserMenuProps) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800">
        <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
          {(name ?? email).slice(0, 1).toUpperCase()}
        </span>
        {/* Named by the text it shows, so people who steer by voice can say what they see. */}
        <span className="hidden max-w-48 truncate sm:inline">{name ?? email}</span>
        <span className="sr-only sm:hidden">{name ?? email}</span>
        <span className="sr-only">, account menu</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={menuContentClass}>
          <DropdownMenu.Label className="px-3 py-2 text-xs text-muted">{email}</DropdownMenu.Label>
          <div className="md:hidden">
            {navigation.map((item) => (
              <DropdownMenu.Item key={item.href} asChild className={menuItemClass}>
                <Link href={item.href}>{item.label}</Link>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/account">Account</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          {/* Selecting an item closes the menu and unmounts it, so a form inside could not submit. */}
          <DropdownMenu.Item
            className={menuItemClass}
            onSelect={() =>
              startTransition(async () => {
                await signOut();
              })
            }
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
