import type { Metadata } from "next";
import { verifyAuditChainAction } from "@/app/admin/audit/actions";
import { auditViewFrom, loadAuditEvents } from "@/app/load-audit-events";
import { AuditExplorer } from "@/components/audit/audit-explorer";
import { VerifyChain } from "@/components/audit/verify-chain";
import { requirePagePermission } from "@/lib/session/require-session-actor";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Audit log" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: PageProps) {
  const actor = await requirePagePermission("users:read");
  const view = auditViewFrom(await searchParams);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      {can(actor, "audit:verify") ? <VerifyChain action={verifyAuditChainAction} /> : null}
      <AuditExplorer events={await loadAuditEvents(actor, view, null)} view={view} base="/admin/audit" organizationId={null} />
    </div>
  );
}
