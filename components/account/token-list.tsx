import { revokeTokenAction } from "@/app/account/actions";
import { formatTime } from "@/components/account/format-time";
import { Button } from "@/components/ui/button";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";

export function TokenList({ tokens }: { tokens: ApiTokenPublic[] }) {
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
          <form action={revokeTokenAction}>
            <input type="hidden" name="tokenId" value={token.id} />
            <Button type="submit" variant="secondary" aria-label={`Revoke token ${token.name}`}>
              Revoke
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}
