import Link from "next/link";
import type { ReactNode } from "react";
import { OrganizationMenu } from "@/components/organizations/organization-menu";
import { NavLinks } from "@/components/shell/nav-links";
import type { NavigationItem } from "@/components/shell/navigation";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";

type AppShellProps = {
  children: ReactNode;
  signOut: () => Promise<unknown>;
  user: { name: string | null; email: string };
  navigation: NavigationItem[];
  organizations: { slug: string; name: string }[];
  canCreateOrganizations: boolean;
};

/** The frame of every signed-in page: header with navigation, the organization switcher and the user's menu. */
export function AppShell({ children, signOut, user, navigation, organizations, canCreateOrganizations }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/admin" className="font-semibold tracking-tight">
            Usermanager
          </Link>
          <OrganizationMenu organizations={organizations} canCreate={canCreateOrganizations} />
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} navigation={navigation} signOut={signOut} />
          </div>
        </div>
        {/* A row of its own: an administrator's areas do not fit beside the switcher and the menu without wrapping. */}
        <div className="mx-auto max-w-6xl px-4">
          <NavLinks items={navigation} />
        </div>
      </header>
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
