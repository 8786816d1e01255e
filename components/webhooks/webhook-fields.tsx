import { TextField } from "@/components/ui/text-field";
import { EventTypeFields } from "@/components/webhooks/event-type-fields";
import { fieldError, type FormState } from "@/lib/form-state";
import type { WebhookPublic } from "@/lib/schemas/webhook";

/** An endpoint's URL, description and events, empty for a new one or showing `current`. */
export function WebhookFields({ state, current }: { state: FormState; current?: WebhookPublic }) {
  return (
    <>
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        required
        placeholder="https://"
        defaultValue={state.values?.url ?? current?.url}
        error={fieldError(state, "url")}
      />
      <TextField
        label="Description (optional)"
        name="description"
        defaultValue={state.values?.description ?? current?.description}
        error={fieldError(state, "description")}
      />
      <EventTypeFields checked={current?.eventTypes ?? []} error={fieldError(state, "eventTypes")} />
    </>
  );
}
