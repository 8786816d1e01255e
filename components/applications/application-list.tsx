import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ApplicationPublic } from "@/lib/schemas/application";

/** The applications of one scope, each linking to its settings. */
export function ApplicationList({ applications, basePath }: { applications: ApplicationPublic[]; basePath: string }) {
  if (applications.length === 0) return <p className="text-sm text-muted">No applications yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {applications.map((application) => (
        <li key={application.id} data-testid="application" className="space-y-1 px-4 py-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`${basePath}/${application.id}`} className="break-all font-medium text-link underline">
              {application.name}
            </Link>
            <Badge>{application.kind}</Badge>
            {application.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="red">disabled</Badge>}
          </p>
          <p className="break-all text-muted">
            client id <code>{application.clientId}</code> · {application.scopes.join(", ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
