import type { Metadata } from "next";
import { OverviewDashboard } from "@/components/dashboard/overview-dashboard";
import { parseRange } from "@/components/dashboard/range-switch";
import { requireSessionActor } from "@/lib/session/require-session-actor";
import { can } from "@/lib/auth/permissions";
import { addDays, statsQuerySchema } from "@/lib/schemas/stats";
import { getStats } from "@/lib/services/stats/get-stats";
import { securityActions } from "@/lib/services/stats/rules";
import { getCurrentUser } from "@/lib/services/users/get-current-user";

export const metadata: Metadata = { title: "Overview" };

type PageProps = { searchParams: Promise<{ range?: string }> };

async function dashboard(actor: Awaited<ReturnType<typeof requireSessionActor>>, rangeParam: string | undefined) {
  const range = parseRange(rangeParam);
  const { to } = statsQuerySchema.parse({});
  const stats = await getStats({ actor, query: { from: addDays(to, 1 - range), to } });
  return <OverviewDashboard stats={stats} range={range} securityActions={securityActions} />;
}

export default async function AdminPage({ searchParams }: PageProps) {
  const actor = await requireSessionActor();
  const user = await getCurrentUser({ actor });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      {can(actor, "users:read") ? await dashboard(actor, (await searchParams).range) : null}
      <section aria-labelledby="whoami" className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="whoami" className="mb-4 text-lg font-medium">
          Signed in
        </h2>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted">Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt className="text-muted">Email</dt>
          <dd data-testid="current-user-email">{user.email}</dd>
          <dt className="text-muted">Role</dt>
          <dd data-testid="current-user-role">{user.role}</dd>
        </dl>
      </section>
    </div>
  );
}
