import "@/lib/schemas/openapi-zod";
import { z } from "zod";

const dayMs = 24 * 3600 * 1000;
/** A year's worth of days and one more, so any calendar year fits; longer ranges are reports, not a dashboard. */
export const maxStatsDays = 366;

const day = z.iso
  .date("Use a date such as 2026-01-31.")
  .refine((value) => value >= "2000-01-01" && value <= "2999-12-31", "Use a date between 2000-01-01 and 2999-12-31.");

/** Today's UTC date, `YYYY-MM-DD`. */
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);
/** The UTC date `days` after (or before, when negative) `date`. */
export const addDays = (date: string, days: number) => utcDate(new Date(Date.parse(date) + days * dayMs));

/**
 * The days the figures cover, both ends included, in UTC. Without `to` the range ends
 * today; without `from` it covers the 30 days up to `to`.
 */
export const statsQuerySchema = z
  .strictObject({
    from: day.optional().openapi({ description: "First day (UTC), inclusive. Default: 29 days before `to`." }),
    to: day.optional().openapi({ description: "Last day (UTC), inclusive. Default: today." }),
  })
  .transform(({ from, to }) => {
    const last = to ?? utcDate(new Date());
    return { from: from ?? addDays(last, -29), to: last };
  })
  .superRefine(({ from, to }, context) => {
    if (from > to) context.addIssue({ code: "custom", path: ["from"], message: "Must not be after `to`." });
    else if ((Date.parse(to) - Date.parse(from)) / dayMs + 1 > maxStatsDays) {
      context.addIssue({ code: "custom", path: ["from"], message: `Cover at most ${maxStatsDays} days.` });
    }
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const count = z.number().int().min(0);

export const statsDaySchema = z.object({
  date: z.iso.date(),
  newUsers: count,
  signIns: count.openapi({ description: "Successful sign-ins (password, single sign-on, password grant)." }),
  failedSignIns: count,
  activeUsers: count.openapi({ description: "Distinct users who signed in or used a session or token that day." }),
});
export type StatsDay = z.infer<typeof statsDaySchema>;

export const securityEventSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetEmail: z
    .string()
    .nullable()
    .openapi({ description: "The address of the user the event is about; null for other targets and purged accounts." }),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

export const statsSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  users: z.object({
    total: count.openapi({ description: "Users not deleted." }),
    active: count,
    disabled: count,
    lockedNow: count.openapi({ description: "Locked out by failed sign-ins at this moment." }),
    deletedAwaitingPurge: count.openapi({ description: "Deleted, restorable, personal data not yet erased." }),
    withSecondFactor: count.openapi({
      description: "Users not deleted with at least one confirmed second factor (authenticator app or passkey).",
    }),
  }),
  organizations: count,
  pendingInvitations: count,
  activeApiTokens: count.openapi({ description: "Personal access tokens neither revoked nor expired." }),
  activeUsers: z
    .object({ daily: count, weekly: count, monthly: count })
    .openapi({ description: "Distinct active users on `to`, in the 7 days and in the 30 days ending on `to`." }),
  days: z.array(statsDaySchema),
  failureReasons: z.array(z.object({ reason: z.string(), count })).openapi({ description: "Why sign-ins failed, most frequent first." }),
  securityEvents: z.array(securityEventSchema).openapi({ description: "The latest security events in the range, newest first." }),
});
export type Stats = z.infer<typeof statsSchema>;
