"use server";

import { formAction } from "@/lib/actions/server-action";
import { verifyAuditChain, type ChainReport } from "@/lib/services/audit/verify-audit-chain";

export const verifyAuditChainAction = formAction({ action: "audit.verify" }, async ({ actor }): Promise<{ report: ChainReport }> => {
  return { report: await verifyAuditChain({ actor }) };
});
