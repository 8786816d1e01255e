import Link from "next/link";
import type { ReactNode } from "react";
import { OrganizationSwitcher } from "@/components/organizations/organization-switcher";
import { NavLinks } from "@/components/shell/nav-links";
import { navigationFor } from "@/components/shell/navigation";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { getCurrentUser } from "@/lib/services/users/get-current-user";

/**
 * The frame of every signed-in page: header with navigation and the user's menu. It
 * checks the session against the database, so a revoked session never sees a page.
 */
export async function AppShell({ children, signOut }: { children: ReactNode; signOut: () => Promise<unknown> }) {
  const actor = await requireSessionActor();
  const user = await getCurrentUser({ actor });
  const navigation = navigationFor(actor);

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
          <OrganizationSwitcher actor={actor} />
          <NavLinks items={navigation} />
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} navigation={navigation} signOut={signOut} />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
