import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { mailMessageSchema, mailSummarySchema, outboxQuerySchema } from "@/lib/schemas/mail";
import { pageSchema } from "@/lib/schemas/pagination";

const summary = registry.register("MailSummary", mailSummarySchema);
const message = registry.register("MailMessage", mailMessageSchema);

registry.registerPath({
  method: "get",
  path: "/api/v1/mail/outbox",
  tags: ["Mail"],
  summary: "Every stored email, newest first",
  description: "Superadmins only; anyone else gets 404. Without SMTP this is where mail waits to be read.",
  security: authenticated,
  request: { query: outboxQuerySchema },
  responses: {
    200: { description: "One page of messages, without bodies.", content: { "application/json": { schema: pageSchema(summary) } } },
    401: problems[401],
    404: problems[404],
    422: problems[422],
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/mail/outbox/{id}",
  tags: ["Mail"],
  summary: "One stored email with its plain-text and HTML bodies",
  security: authenticated,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: "The message.", content: { "application/json": { schema: message } } },
    401: problems[401],
    404: problems[404],
    422: problems[422],
  },
});
