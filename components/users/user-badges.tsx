import { Badge } from "@/components/ui/badge";
import type { ManagedUser } from "@/lib/schemas/user";

export function StatusBadge({ user }: { user: Pick<ManagedUser, "status" | "deletedAt" | "lockedUntil"> }) {
  if (user.deletedAt) return <Badge tone="red">deleted</Badge>;
  if (user.status === "disabled") return <Badge tone="amber">disabled</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Badge tone="amber">locked</Badge>;
  return <Badge tone="green">active</Badge>;
}

export function RoleBadge({ role }: { role: ManagedUser["role"] }) {
  return <Badge tone={role === "user" ? "neutral" : "indigo"}>{role}</Badge>;
}
