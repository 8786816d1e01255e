import { withApi } from "@/lib/http/with-api";
import { outboxQuerySchema } from "@/lib/schemas/mail";
import { listOutbox } from "@/lib/services/mail/list-outbox";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/mail/outbox – every stored email, newest first (superadmin)
export const GET = withApi(async ({ actor, query }) => Response.json(await listOutbox({ actor, query })), {
  action: "outbox.read",
  query: outboxQuerySchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
