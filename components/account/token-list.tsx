import { LocalTime } from "@/components/ui/local-time";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";
import type { ApiTokenPublic } from "@/lib/schemas/api-token";

type TokenListProps = {
  tokens: ApiTokenPublic[];
  /** The action a revoke button posts `tokenId` (and `userId`, when given) to; none shows no buttons. */
  revokeToken?: FormAction;
  userId?: string;
};

/** Tokens with what they may do and when they were used; on the account page and an administrator's user page. */
export function TokenList({ tokens, revokeToken, userId }: TokenListProps) {
  if (tokens.length === 0) return <p className="text-sm text-muted">No personal access tokens yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {tokens.map((token) => (
        <li key={token.id} data-testid="api-token" className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
          <div className="space-y-0.5">
            <p className="font-medium">
              {token.name} <code className="ml-1 text-xs text-muted">{token.prefix}…</code>
            </p>
            <p className="text-muted">
              {token.scopes.join(", ")} · created <LocalTime iso={token.createdAt} /> · expires <LocalTime iso={token.expiresAt} /> · last
              used <LocalTime iso={token.lastUsedAt} />
              {token.lastUsedIp ? ` from ${token.lastUsedIp}` : ""}
              {token.organizationId ? ` · only organization ${token.organizationId}` : ""}
            </p>
          </div>
          {revokeToken ? (
            <ActionForm
              action={revokeToken}
              hidden={userId ? { tokenId: token.id, userId } : { tokenId: token.id }}
              variant="secondary"
              submitLabel="Revoke"
              submitDescription={`Revoke token ${token.name}`}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
