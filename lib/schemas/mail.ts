import { z } from "zod";
import { emailField } from "@/lib/schemas/fields";
import { paginationQuerySchema } from "@/lib/schemas/pagination";

/** A message in the outbox as listed: who, what, and whether it went out. */
export const mailSummarySchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  sentAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type MailSummary = z.infer<typeof mailSummarySchema>;

export const mailMessageSchema = mailSummarySchema.extend({ text: z.string(), html: z.string() });
export type MailMessagePublic = z.infer<typeof mailMessageSchema>;

export const outboxQuerySchema = paginationQuerySchema.pick({ page: true, limit: true }).extend({
  /** Only messages to this address. */
  to: emailField.optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
