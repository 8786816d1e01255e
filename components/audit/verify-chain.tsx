"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/form-state";
import type { BrokenLink, ChainReport } from "@/lib/services/audit/verify-audit-chain";

type VerifyState = ActionState<{ report: ChainReport }>;

function brokenLinkText(link: BrokenLink): string {
  switch (link.reason) {
    case "checkpoint_forged":
      return `The pruning checkpoint at place ${link.seq} does not carry a valid signature (AUDIT_PRUNE_PUBLIC_KEY).`;
    case "event_altered":
      return `Event ${link.eventId} (place ${link.seq}) was changed after it was sealed.`;
    case "events_missing":
      return `Events are missing before event ${link.eventId}: place ${link.expectedSeq} was expected, ${link.seq} was found.`;
    case "head_missing":
      return `The exported head at place ${link.seq} is gone: the chain ends at place ${link.headSeq}, so the newest events were removed.`;
    case "head_mismatch":
      return `The exported head's place ${link.seq} holds another hash: the chain was rewritten.`;
    case "event_backdated":
      return `Event ${link.eventId} is dated ${link.at}, well before events sealed earlier: it was written with a chosen date${link.seq ? ` and still reached place ${link.seq}` : " and is not sealed"}.`;
  }
}

function Outcome({ report }: { report: ChainReport }) {
  const from = report.checkpointSeq ? `from the checkpoint at place ${report.checkpointSeq}` : "from the first event";
  if (report.brokenAt) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        The chain is broken. {brokenLinkText(report.brokenAt)} {report.checked.toLocaleString()} events verified {from} before it.
      </p>
    );
  }
  return (
    <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
      The chain is intact: {report.checked.toLocaleString()} events verified {from}. Head: place {report.head.seq}, hash{" "}
      <code className="break-all">{report.head.hash}</code>.
    </p>
  );
}

/** The superadmin's "Verify the chain" button on the audit explorer, and what the walk found. */
export function VerifyChain({ action }: { action: (previous: VerifyState, formData: FormData) => Promise<VerifyState> }) {
  const [state, submit, pending] = useActionState<VerifyState, FormData>(action, {});
  return (
    <section aria-labelledby="verify-chain" className="space-y-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-700">
      <h2 id="verify-chain" className="text-sm font-semibold">
        Tamper evidence
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Every event is sealed into a hash chain moments after it is written. Verifying walks the chain and names the first event that was
        changed or removed.
      </p>
      <form action={submit}>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Verifying…" : "Verify the chain"}
        </Button>
      </form>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.error}
        </p>
      ) : null}
      {state.report ? <Outcome report={state.report} /> : null}
    </section>
  );
}
