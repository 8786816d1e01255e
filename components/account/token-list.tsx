import { formatTime } from "@/components/account/format-time";
import { Button } from "@/components/ui/button";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";

type TokenListProps = {
  tokens: ApiTokenPublic[];
  /** The server action a revoke button posts `tokenId` (and `userId`, when given) to; none shows no buttons. */
  revokeAction?: (formData: FormData) => Promise<void>;
  userId?: string;
};

/** Tokens with what they may do and when they were used; on the account page and an administrator's user page. */
export function TokenList({ tokens, revokeAction, userId }: TokenListProps) {
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
              {token.organizationId ? ` · only organization ${token.organizationId}` : ""}
            </p>
          </div>
          {revokeAction ? (
            <form action={revokeAction}>
              <input type="hidden" name="tokenId" value={token.id} />
              {userId ? <input type="hidden" name="userId" value={userId} /> : null}
              <Button type="submit" variant="secondary" aria-label={`Revoke token ${token.name}`}>
                Revoke
              </Button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
