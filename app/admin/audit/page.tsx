import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { verifyAuditChainAction } from "@/app/admin/audit/actions";
import { AuditExplorer, auditViewFrom } from "@/components/audit/audit-explorer";
import { VerifyChain } from "@/components/audit/verify-chain";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Audit log" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: PageProps) {
  const actor = await requireSessionActor();
  if (!can(actor, "users:read")) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      {can(actor, "audit:verify") ? <VerifyChain action={verifyAuditChainAction} /> : null}
      <AuditExplorer actor={actor} view={auditViewFrom(await searchParams)} base="/admin/audit" scope={null} />
    </div>
  );
}
