import { webhookEventTypeNames, webhookEventTypes, type WebhookEventType } from "@/lib/audit/webhook-event-types";

/** One checkbox per event type, ticked for the ones given; the error of the whole group under it. */
export function EventTypeFields({ checked, error }: { checked: readonly string[]; error?: string }) {
  return (
    <fieldset aria-describedby={error ? "eventTypes-error" : undefined} className="space-y-1">
      <legend className="text-sm font-medium">Events</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {webhookEventTypeNames.map((type: WebhookEventType) => (
          <label key={type} className="flex items-start gap-2 text-sm" title={webhookEventTypes[type]}>
            <input type="checkbox" name="eventTypes" value={type} defaultChecked={checked.includes(type)} className="mt-1" />
            <code>{type}</code>
          </label>
        ))}
      </div>
      {error ? (
        <p id="eventTypes-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
