import type { ReactNode } from "react";
import { FactorRemoveForm } from "@/components/account/factor-remove-form";
import { RecoveryCodesRegenerate } from "@/components/account/recovery-codes-regenerate";
import { TotpEnrolment } from "@/components/account/totp-enrolment";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/form-state";

/** A factor as the page shows it; dates as ISO strings for LocalTime. */
export type FactorRow = { id: string; kind: "totp" | "passkey"; name: string; createdAt: string; lastUsedAt: string | null };

const kindLabels: Record<FactorRow["kind"], string> = { totp: "Authenticator app", passkey: "Passkey" };

type TwoFactorSectionProps = {
  factors: FactorRow[];
  recoveryCodesRemaining: number;
  actions: {
    startTotp: FormAction;
    confirmTotp: FormAction;
    regenerateRecoveryCodes: FormAction;
    removeFactor: FormAction;
  };
  /** Other ways to add a factor (passkeys), shown after the authenticator app's. */
  children?: ReactNode;
};

/** The account page's second factors: whether they are on, each factor, the recovery codes left, and the forms that change them. */
export function TwoFactorSection({ factors, recoveryCodesRemaining, actions, children }: TwoFactorSectionProps) {
  const on = factors.length > 0;
  return (
    <div className="space-y-4">
      <p data-testid="mfa-status" className="text-sm">
        Two-factor authentication is <strong>{on ? "on" : "off"}</strong>.
        {on ? " Signing in asks for your second factor after your password." : " Add a factor so a stolen password is not enough."}
      </p>
      {on ? (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {factors.map((factor) => (
            <li key={factor.id} data-testid="mfa-factor" className="space-y-2 px-4 py-3 text-sm">
              <p className="font-medium">
                {factor.name} <span className="font-normal text-muted">({kindLabels[factor.kind]})</span>
              </p>
              <p className="text-muted">
                Added <LocalTime iso={factor.createdAt} /> · last used <LocalTime iso={factor.lastUsedAt} />
              </p>
              <FactorRemoveForm remove={actions.removeFactor} factor={factor} isLast={factors.length === 1} />
            </li>
          ))}
        </ul>
      ) : null}
      <TotpEnrolment
        start={actions.startTotp}
        confirm={actions.confirmTotp}
        available={!factors.some((factor) => factor.kind === "totp")}
      />
      {children}
      {on ? (
        <div className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <h3 className="text-base font-medium">Recovery codes</h3>
          <p className="text-sm">
            <span data-testid="recovery-codes-remaining">{recoveryCodesRemaining}</span> of 10 recovery codes left.
          </p>
          <RecoveryCodesRegenerate regenerate={actions.regenerateRecoveryCodes} />
        </div>
      ) : null}
    </div>
  );
}
