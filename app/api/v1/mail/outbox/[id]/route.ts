import { withApi } from "@/lib/http/with-api";
import { idField } from "@/lib/schemas/fields";
import { getMailMessage } from "@/lib/services/mail/get-mail-message";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/mail/outbox/:id – one stored email with its bodies (superadmin)
export const GET = withApi(
  async ({ actor, params }) => Response.json(await getMailMessage({ actor, messageId: idField.parse(params.id) })),
  { action: "outbox.read" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
