"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type OrganizationTab = { href: string; label: string };

/**
 * The organization's sections. The layout above does not render again on navigation,
 * so the current tab is read from the path here; it wraps rather than hiding the last
 * tabs on a narrow screen.
 */
export function OrganizationTabs({ base, tabs }: { base: string; tabs: OrganizationTab[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "" ? pathname === base : pathname === `${base}${href}` || pathname.startsWith(`${base}${href}/`);
  return (
    <nav aria-label="Organization" className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => (
        <Link
          key={tab.label}
          href={`${base}${tab.href}`}
          aria-current={isCurrent(tab.href) ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 aria-[current=page]:border-indigo-600 aria-[current=page]:text-zinc-900 dark:text-zinc-300 dark:hover:text-white dark:aria-[current=page]:border-indigo-400 dark:aria-[current=page]:text-white"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
