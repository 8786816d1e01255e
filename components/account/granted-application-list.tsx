import { LocalTime } from "@/components/ui/local-time";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";
import type { GrantedApplicationPublic } from "@/lib/schemas/account";

type GrantedApplicationListProps = {
  applications: GrantedApplicationPublic[];
  /** The action a revoke button posts `clientId` (and `userId`, when given) to; none shows no buttons. */
  revoke?: FormAction;
  userId?: string;
};

/** The applications a person granted access through sign-in with Usermanager, each with a revoke button. */
export function GrantedApplicationList({ applications, revoke, userId }: GrantedApplicationListProps) {
  if (applications.length === 0) return <p className="text-sm text-muted">No application has been granted access.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {applications.map((application) => (
        <li
          key={application.clientId}
          data-testid="granted-application"
          className="flex items-center justify-between gap-4 px-4 py-3 text-sm"
        >
          <div className="space-y-0.5">
            <p className="font-medium">{application.name}</p>
            <p className="text-muted">
              {application.scopes.join(", ")} · granted <LocalTime iso={application.grantedAt} /> · last used{" "}
              <LocalTime iso={application.lastUsedAt} />
            </p>
          </div>
          {revoke ? (
            <ActionForm
              action={revoke}
              hidden={userId ? { clientId: application.clientId, userId } : { clientId: application.clientId }}
              variant="secondary"
              submitLabel="Revoke"
              submitDescription={`Revoke access of ${application.name}`}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
