import { formatTime } from "@/components/account/format-time";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";

export function TokenList({ tokens, revokeToken }: { tokens: ApiTokenPublic[]; revokeToken: FormAction }) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-500">No personal access tokens yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {tokens.map((token) => (
        <li key={token.id} data-testid="api-token" className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
          <div className="space-y-0.5">
            <p className="font-medium">
              {token.name} <code className="ml-1 text-xs text-zinc-500">{token.prefix}…</code>
            </p>
            <p className="text-zinc-500">
              {token.scopes.join(", ")} · created {formatTime(token.createdAt)} · expires {formatTime(token.expiresAt)} · last used{" "}
              {formatTime(token.lastUsedAt)}
              {token.lastUsedIp ? ` from ${token.lastUsedIp}` : ""}
            </p>
          </div>
          <ActionForm
            action={revokeToken}
            hidden={{ tokenId: token.id }}
            variant="secondary"
            submitLabel="Revoke"
            submitDescription={`Revoke token ${token.name}`}
          />
        </li>
      ))}
    </ul>
  );
}
