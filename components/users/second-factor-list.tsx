import { LocalTime } from "@/components/ui/local-time";
import type { FactorPublic } from "@/lib/schemas/mfa";

const kindLabels: Record<FactorPublic["kind"], string> = { totp: "Authenticator app", passkey: "Passkey" };

/** A user's second factors as administrators see them: what kind, what it is called, when added and last used. */
export function SecondFactorList({ factors }: { factors: FactorPublic[] }) {
  if (factors.length === 0) return <p className="text-sm text-muted">No second factor: the password alone signs in.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {factors.map((factor) => (
        <li key={factor.id} className="py-2">
          <span className="font-medium">{factor.name}</span> · {kindLabels[factor.kind]} · added <LocalTime iso={factor.createdAt} /> · last
          used <LocalTime iso={factor.lastUsedAt} never="never" />
        </li>
      ))}
    </ul>
  );
}
