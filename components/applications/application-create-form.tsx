"use client";

import { ApplicationFields } from "@/components/applications/application-fields";
import { ApplicationSecretNotice, type CreatedApplication } from "@/components/applications/application-secret-notice";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction, FormState } from "@/lib/form-state";

export type ApplicationSecretState = FormState & { created?: CreatedApplication };

type ApplicationCreateFormProps = { submit: FormAction<ApplicationSecretState>; organizationId: string | null };

/** Registers an application and shows its client id, and a confidential one's secret once. */
export function ApplicationCreateForm({ submit, organizationId }: ApplicationCreateFormProps) {
  return (
    <ActionForm
      action={submit}
      submitLabel="Register application"
      pendingLabel="Registering…"
      success="status"
      hidden={{ organizationId: organizationId ?? "" }}
      header={(state) => (state.created ? <ApplicationSecretNotice {...state.created} /> : null)}
      className="max-w-xl space-y-4"
    >
      {(state) => <ApplicationFields state={state} global={organizationId === null} />}
    </ActionForm>
  );
}
