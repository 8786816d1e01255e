"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";
import type { OrganizationDomainPublic } from "@/lib/schemas/organization-domain";

type DomainSectionProps = {
  organizationId: string;
  domains: OrganizationDomainPublic[];
  actions: { add: FormAction; verify: FormAction; remove: FormAction };
  /** Owners (`domains:manage`): add, verify and remove. Others only see the list. */
  canManage: boolean;
  /** Superadmins may also mark a domain verified without DNS. */
  canTrust: boolean;
};

/** The TXT record a pending domain needs, laid out to be copied into a DNS host's form. */
function ChallengeRecord({ record }: { record: OrganizationDomainPublic["record"] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      <dt className="text-muted">Type</dt>
      <dd>
        <code>{record.type}</code>
      </dd>
      <dt className="text-muted">Name</dt>
      <dd className="break-all">
        <code>{record.name}</code>
      </dd>
      <dt className="text-muted">Value</dt>
      <dd className="break-all">
        <code>{record.value}</code>
      </dd>
    </dl>
  );
}

function DomainRow({
  organizationId,
  domain,
  actions,
  canManage,
  canTrust,
}: Omit<DomainSectionProps, "domains"> & { domain: OrganizationDomainPublic }) {
  const hidden = { organizationId, domainId: domain.id };
  const pending = domain.status === "pending";
  return (
    <li data-testid="organization-domain" className="space-y-3 px-4 py-3 text-sm">
      <div className="flex items-center justify-between gap-4">
        <p className="font-medium">
          {domain.domain}{" "}
          {pending ? (
            <Badge tone="amber">pending</Badge>
          ) : (
            <Badge tone="green">{domain.verificationMethod === "trusted" ? "verified by an administrator" : "verified"}</Badge>
          )}
        </p>
        {canManage ? (
          <ActionForm
            action={actions.remove}
            hidden={hidden}
            variant="secondary"
            submitLabel="Remove"
            submitDescription={`Remove ${domain.domain}`}
          />
        ) : null}
      </div>
      {pending ? (
        <>
          <p className="text-muted">Publish this TXT record at your DNS host, then verify. It can take a few minutes to reach DNS.</p>
          <ChallengeRecord record={domain.record} />
          {canManage ? (
            <div className="flex flex-wrap items-start gap-2">
              <ActionForm action={actions.verify} hidden={hidden} submitLabel="Verify" submitDescription={`Verify ${domain.domain}`} />
              {canTrust ? (
                <ActionForm
                  action={actions.verify}
                  hidden={{ ...hidden, trust: "true" }}
                  variant="secondary"
                  submitLabel="Mark verified without DNS"
                  submitDescription={`Mark verified without DNS: ${domain.domain}`}
                />
              ) : null}
            </div>
          ) : null}
        </>
      ) : (
        <p className="text-muted">
          verified <LocalTime iso={domain.verifiedAt} />
        </p>
      )}
    </li>
  );
}

/**
 * The organization's email domains. Its directory (SCIM) manages only accounts whose
 * address is in a verified one, so this comes before the SCIM tokens.
 */
export function DomainSection({ organizationId, domains, actions, canManage, canTrust }: DomainSectionProps) {
  return (
    <section aria-labelledby="domains" className="space-y-3">
      <h2 id="domains" className="text-lg font-medium">
        Domains
      </h2>
      <p className="text-sm text-muted">
        Your identity provider can create and manage only accounts whose email address is in one of these domains, once verified. Add a
        domain, publish the TXT record shown, then verify it.
      </p>
      {domains.length === 0 ? (
        <p className="text-sm text-muted">No domains yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {domains.map((domain) => (
            <DomainRow
              key={domain.id}
              organizationId={organizationId}
              domain={domain}
              actions={actions}
              canManage={canManage}
              canTrust={canTrust}
            />
          ))}
        </ul>
      )}
      {canManage ? (
        <ActionForm action={actions.add} hidden={{ organizationId }} submitLabel="Add domain" className="space-y-3">
          {(state) => (
            <TextField
              label="Domain, such as example.com"
              name="domain"
              autoComplete="off"
              defaultValue={state.values?.domain}
              error={fieldError(state, "domain")}
            />
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}
