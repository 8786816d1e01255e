import { PasskeyRemoveForm } from "@/components/account/passkey-remove-form";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/form-state";

export type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** The account's passkeys with when they were added and last used, each removable. */
type PasskeyListProps = { passkeys: PasskeyRow[]; removePasskey: FormAction; factorCount: number };

export function PasskeyList({ passkeys, removePasskey, factorCount }: PasskeyListProps) {
  if (passkeys.length === 0) return <p className="text-sm text-muted">No passkeys yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {passkeys.map((passkey) => (
        <li key={passkey.id} data-testid="passkey" className="flex items-start justify-between gap-4 px-4 py-3 text-sm">
          <div className="space-y-0.5">
            <p className="font-medium">{passkey.name}</p>
            <p className="text-muted">
              added <LocalTime iso={passkey.createdAt} /> · last used <LocalTime iso={passkey.lastUsedAt} />
            </p>
          </div>
          <PasskeyRemoveForm action={removePasskey} passkey={passkey} isLastFactor={factorCount === 1} />
        </li>
      ))}
    </ul>
  );
}
