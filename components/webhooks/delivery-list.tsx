import { ActionForm } from "@/components/forms/action-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/form-state";
import type { WebhookDeliveryPublic, WebhookPublic } from "@/lib/schemas/webhook";
import { pluralize } from "@/lib/pluralize";

const statusTone: Record<WebhookDeliveryPublic["status"], BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };

/** The payload as its receiver parses it, indented for reading; as stored if it is not JSON. */
function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** Why the newest attempt did not succeed, shown without opening the details: that is what someone fixing the receiver needs. */
function lastFailure(delivery: WebhookDeliveryPublic): string | null {
  if (delivery.status === "succeeded") return null;
  const last = delivery.attempts.reduce<WebhookDeliveryPublic["attempts"][number] | undefined>(
    (newest, attempt) => (!newest || attempt.attemptedAt > newest.attemptedAt ? attempt : newest),
    undefined,
  );
  if (!last) return null;
  return `${last.statusCode ? `HTTP ${last.statusCode}` : "no answer"}${last.responseExcerpt ? `: ${last.responseExcerpt}` : ""}`;
}

/** An endpoint's recent deliveries, each with every attempt and a button to send it again. */
export function DeliveryList({
  webhook,
  deliveries,
  resend,
}: {
  webhook: WebhookPublic;
  deliveries: WebhookDeliveryPublic[];
  resend: FormAction;
}) {
  if (deliveries.length === 0) return <p className="text-sm text-muted">No deliveries yet.</p>;
  return (
    <ul className="space-y-3">
      {deliveries.map((delivery) => (
        <li
          key={delivery.id}
          data-testid="webhook-delivery"
          className="space-y-2 rounded-md border border-zinc-200 p-4 text-sm dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="flex items-center gap-2">
              <code>{delivery.eventType}</code>
              <Badge tone={statusTone[delivery.status]}>{delivery.status}</Badge>
              <span className="text-muted">
                <LocalTime iso={delivery.createdAt} />
                {delivery.nextAttemptAt ? (
                  <>
                    {" "}
                    · next attempt <LocalTime iso={delivery.nextAttemptAt} />
                  </>
                ) : null}
              </span>
            </p>
            {delivery.status === "pending" ? null : (
              <ActionForm
                action={resend}
                hidden={{ organizationId: webhook.organizationId ?? "", webhookId: webhook.id, deliveryId: delivery.id }}
                variant="secondary"
                submitLabel="Resend"
                submitDescription={`Resend the ${delivery.eventType} delivery`}
              />
            )}
          </div>
          {lastFailure(delivery) ? <p className="break-all text-red-700 dark:text-red-300">Last attempt: {lastFailure(delivery)}</p> : null}
          <details>
            <summary className="cursor-pointer text-muted">Payload and {pluralize(delivery.attempts.length, "attempt")}</summary>
            <pre className="mt-2 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">{readablePayload(delivery.payload)}</pre>
            <table className="mt-2 w-full text-left text-xs">
              <thead className="text-muted">
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Status</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attempts.map((attempt) => (
                  <tr key={attempt.attemptedAt} className="align-top">
                    <td className="py-1 pr-2">
                      <LocalTime iso={attempt.attemptedAt} />
                    </td>
                    <td className="pr-2">{attempt.statusCode ?? "no answer"}</td>
                    <td className="pr-2">{attempt.durationMs} ms</td>
                    <td className="break-all">{attempt.responseExcerpt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ul>
  );
}
