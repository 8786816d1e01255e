import { LocalTime } from "@/components/ui/local-time";
import type { ManagedUser } from "@/lib/schemas/user";

/** What an administrator reads first about an account: when it began, its last sign-in, its password and failed attempts. */
export function UserFacts({ user, locked }: { user: ManagedUser; locked: boolean }) {
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
      <dt className="text-muted">Created</dt>
      <dd>
        <LocalTime iso={user.createdAt} never="never" />
      </dd>
      <dt className="text-muted">Last login</dt>
      <dd>
        <LocalTime iso={user.lastLoginAt} never="never" />
      </dd>
      <dt className="text-muted">Password</dt>
      <dd>
        {user.hasPassword
          ? "set"
          : user.lastLoginAt
            ? "not set (signs in with single sign-on or a passkey)"
            : "not set (invited or imported)"}
      </dd>
      <dt className="text-muted">Failed sign-ins</dt>
      <dd>
        {user.failedSignIns}
        {locked ? (
          <>
            , locked until <LocalTime iso={user.lockedUntil} />
          </>
        ) : null}
      </dd>
    </dl>
  );
}
