import { ActionForm } from "@/components/forms/action-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/form-state";
import type { WebhookDeliveryPublic, WebhookPublic } from "@/lib/schemas/webhook";

const statusTone: Record<WebhookDeliveryPublic["status"], BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };

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
          <details>
            <summary className="cursor-pointer text-muted">Payload and {delivery.attempts.length} attempt(s)</summary>
            <pre className="mt-2 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">{delivery.payload}</pre>
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
