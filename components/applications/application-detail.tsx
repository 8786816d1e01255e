"use client";

import { ApplicationFields } from "@/components/applications/application-fields";
import type { ApplicationSecretState } from "@/components/applications/application-create-form";
import { ApplicationSecretNotice } from "@/components/applications/application-secret-notice";
import { ActionForm } from "@/components/forms/action-form";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/form-state";
import type { ApplicationPublic } from "@/lib/schemas/application";

export type ApplicationDetailActions = {
  update: FormAction;
  rotate: FormAction<ApplicationSecretState>;
  remove: FormAction;
};

type ApplicationDetailProps = { application: ApplicationPublic; basePath: string; actions: ApplicationDetailActions };

/** One application: its registration, its secret when it is confidential, and deleting it. */
export function ApplicationDetail({ application, basePath, actions }: ApplicationDetailProps) {
  const ids = { organizationId: application.organizationId ?? "", applicationId: application.id };
  return (
    <div className="space-y-8">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Client id</dt>
        <dd className="break-all">
          <code>{application.clientId}</code>
        </dd>
        <dt className="text-muted">Kind</dt>
        <dd>
          {application.kind} ({application.tokenEndpointAuthMethod === "none" ? "public, PKCE" : application.tokenEndpointAuthMethod})
        </dd>
        <dt className="text-muted">Last used</dt>
        <dd>{application.lastUsedAt ? <LocalTime iso={application.lastUsedAt} /> : "never"}</dd>
      </dl>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Settings</h2>
        <ActionForm
          action={actions.update}
          submitLabel="Save"
          hidden={{ ...ids, version: String(application.version), enabled: "off", requireSecondFactor: "off", firstParty: "off" }}
          resetKey={application.version}
          className="max-w-xl space-y-4"
        >
          {(state) => (
            <>
              <ApplicationFields state={state} current={application} global={application.organizationId === null} />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="enabled" value="on" defaultChecked={application.enabled} />
                Enabled: turning it off stops its sign-ins and every token it holds at once
              </label>
            </>
          )}
        </ActionForm>
      </section>
      {application.tokenEndpointAuthMethod === "none" ? null : (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Client secret</h2>
          {application.previousSecretExpiresAt ? (
            <p className="text-sm text-muted">
              The previous secret also works until <LocalTime iso={application.previousSecretExpiresAt} />.
            </p>
          ) : null}
          <ActionForm
            action={actions.rotate}
            submitLabel="Rotate client secret"
            pendingLabel="Rotating…"
            variant="secondary"
            success="status"
            hidden={ids}
            header={(state) => (state.created ? <ApplicationSecretNotice {...state.created} /> : null)}
            className="space-y-2"
          />
        </section>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Delete</h2>
        <p className="text-sm text-muted">Its grants and tokens stop working, and people can no longer sign in to it.</p>
        <ActionForm action={actions.remove} hidden={{ ...ids, returnTo: basePath }} variant="danger" submitLabel="Delete application" />
      </section>
    </div>
  );
}
