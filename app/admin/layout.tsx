import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions";
import { loadShell } from "@/app/load-shell";
import { AppShell } from "@/components/shell/app-shell";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell signOut={signOutAction} {...await loadShell()}>
      {children}
    </AppShell>
  );
}
