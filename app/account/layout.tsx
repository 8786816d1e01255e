import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions";
import { AppShell } from "@/components/shell/app-shell";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <AppShell signOut={signOutAction}>{children}</AppShell>;
}
