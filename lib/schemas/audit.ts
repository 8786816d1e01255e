import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { lineField } from "@/lib/schemas/fields";
import { auditActions, type AuditAction } from "@/lib/audit/audit-actions";

const isAuditAction = (name: string): name is AuditAction => Object.hasOwn(auditActions, name);

const dateBound = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Use a date (2026-01-31) or a date-time (2026-01-31T12:00:00Z)." })
  .refine((value) => value >= "2000-01-01" && value < "3000", "Use a date between 2000 and 2999.");

/** The filters the explorer, the two list endpoints and the export share; every one is also a URL parameter. */
export const auditFilterSchema = z.strictObject({
  action: z
    .string()
    .trim()
    .max(1000)
    .transform((value) =>
      value
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .refine(
      (names): names is AuditAction[] => names.length <= 60 && names.every(isAuditAction),
      "Use action names from the catalogue, such as user.disabled, separated by commas.",
    )
    .optional()
    .openapi({ type: "string", description: "One action name, or several separated by commas.", example: "auth.locked_out,user.disabled" }),
  // Free text reaches PostgreSQL, which refuses a NUL (22021): lineField names the field instead.
  actor: lineField()
    .toLowerCase()
    .max(254, "Use at most 254 characters.")
    .optional()
    .openapi({ description: "Who acted: a user id, or the email address they had then." }),
  target: lineField()
    .toLowerCase()
    .max(254, "Use at most 254 characters.")
    .optional()
    .openapi({ description: "The user the event is about: their id, or part of their current email address." }),
  organization: lineField()
    .max(200, "Use at most 200 characters.")
    .optional()
    .openapi({ description: "The organization the event happened in: its id, its address (slug) or its name." }),
  // The generator names both formats "ip", which JSON Schema does not define; its own names are ipv4 and ipv6.
  ip: z
    .union([z.ipv4().openapi({ format: "ipv4" }), z.ipv6().openapi({ format: "ipv6" })], { error: "Use an IPv4 or IPv6 address." })
    .optional()
    .openapi({ description: "The client address." }),
  q: lineField()
    .min(1)
    .max(200, "Search with at most 200 characters.")
    .optional()
    .openapi({ description: "Part of the target user's email address." }),
  from: dateBound.optional().openapi({ description: "Events at or after this moment (a date means its start, UTC)." }),
  to: dateBound.optional().openapi({ description: "Events before this moment (a date includes that whole day, UTC)." }),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListQuerySchema = auditFilterSchema.extend({
  limit: z.coerce
    .number({ error: "Must be a whole number." })
    .int("Must be a whole number.")
    .min(1, "Must be at least 1.")
    .max(100, "Must be at most 100.")
    .default(50),
  cursor: z.string().min(1).max(500).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditExportQuerySchema = auditFilterSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });

export const auditEventSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  action: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable().openapi({ description: "The acting user's email; for a SCIM token, the token's name." }),
  actorType: z.enum(["user", "scim_token", "application"]).openapi({
    description:
      "A user (session, personal token, or an application acting for them), an organization's SCIM token, or a machine application acting as itself.",
  }),
  impersonatorId: z.uuid().nullable().openapi({ description: "The administrator who was viewing the app as the actor, if any." }),
  impersonatorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetEmail: z.string().nullable().openapi({ description: "The target user's current email address, when the target is a user." }),
  organizationId: z.uuid().nullable(),
  organizationSlug: z.string().nullable().openapi({ description: "The organization's current address, while it exists." }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEventPublic = z.infer<typeof auditEventSchema>;
