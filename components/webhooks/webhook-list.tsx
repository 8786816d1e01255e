import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { WebhookPublic } from "@/lib/schemas/webhook";

/** The endpoints of one scope, each linking to its settings and deliveries. */
export function WebhookList({ webhooks, basePath }: { webhooks: WebhookPublic[]; basePath: string }) {
  if (webhooks.length === 0) return <p className="text-sm text-muted">No endpoints yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {webhooks.map((webhook) => (
        <li key={webhook.id} data-testid="webhook" className="space-y-1 px-4 py-3 text-sm">
          <p className="flex items-center gap-2">
            <Link href={`${basePath}/${webhook.id}`} className="break-all font-medium text-link underline">
              {webhook.url}
            </Link>
            {webhook.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="red">disabled</Badge>}
          </p>
          {webhook.description ? <p>{webhook.description}</p> : null}
          <p className="text-muted">{webhook.eventTypes.join(", ")}</p>
        </li>
      ))}
    </ul>
  );
}
