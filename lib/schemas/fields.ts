import "@/lib/schemas/openapi-zod";
import { z } from "zod";

/** Reusable fields with the messages people see, shared by forms, the API and the OpenAPI document. */

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

/**
 * A new password: 8 to 256 characters, no composition rules (NIST SP 800-63B). Any length
 * is hashed in full (see lib/auth/password.ts). Whether it is guessable (leaked, the
 * account's own address) is decided on the server, by hashNewPassword, since the list is
 * large and the address is not always part of the form.
 */
export const passwordField = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters.")
  .max(256, "Use at most 256 characters.");

/** For signing in: any non-empty string, so old passwords that predate today's rules still work. */
export const currentPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(256, "Use at most 256 characters.");

/**
 * Text that fits on one line. PostgreSQL text cannot hold NUL, and no name, search or
 * label has a use for the other control characters (line breaks, escapes, C1 codes),
 * which only break the lists, logs and CSV files they end up in. Every free-text field
 * starts here, so each schema refuses them with a clear message before a query runs.
 *
 * The control characters (Unicode's Cc, fixed by its stability policy) are spelled out as
 * ranges rather than `\P{Cc}`: the OpenAPI document copies the pattern without its flags,
 * and this one reads the same with or without `u`, in JSON Schema and in every client.
 */
export const lineField = (params?: { error: string }) =>
  z
    .string(params)
    .trim()
    .regex(/^[^\x00-\x1F\x7F-\x9F]*$/, "Remove control characters such as line breaks or NUL.");

/** Text that may span lines (a description): line breaks and tabs, but no other control characters. */
export const multilineField = (params?: { error: string }) =>
  z
    .string(params)
    .trim()
    .refine((text) => !/[^\P{Cc}\t\n\r]/u.test(text), "Remove control characters such as NUL.");

export const nameField = lineField().min(1, "Enter a name.").max(100, "A name has at most 100 characters.");

export const idField = z.uuid("Not a valid id.");

/**
 * Dates and times the database can store and clients can read back: PostgreSQL refuses
 * year 0000, and a year past 9999 has no ISO 8601 form. The range is a sane one for
 * anything a person would filter by or set as an expiry.
 */
export const earliestDate = "1900-01-01T00:00:00.000Z";
export const latestDate = "9999-12-31T23:59:59.999Z";
const dateRangeMessage = "Use a date between 1900-01-01 and 9999-12-31.";

function withinDateRange(value: string): boolean {
  // A date alone is read as its first moment in UTC, as the filters read it.
  const time = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value).getTime();
  return time >= Date.parse(earliestDate) && time <= Date.parse(latestDate);
}

/** A moment: an ISO 8601 date-time with an offset (2030-01-31T00:00:00Z). */
export const dateTimeField = (message = "Give a date and time such as 2030-01-31T00:00:00Z.") =>
  z.iso.datetime({ offset: true, error: message }).refine(withinDateRange, dateRangeMessage);

/** A filter bound: a date (2026-01-31) or a date-time (2026-01-31T12:00:00Z). */
export const dateOrDateTimeField = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "Use a date (2026-01-31) or a date-time (2026-01-31T12:00:00Z).",
  })
  .refine(withinDateRange, dateRangeMessage);

/**
 * A whole number in a query string: decimal digits only, so `0x10`, `1e3` or ` 5` are
 * refused rather than read as numbers JavaScript happens to accept.
 */
export const queryIntegerField = ({ min, max, minMessage }: { min: number; max: number; minMessage?: string }) =>
  z
    .string({ error: "Must be a whole number." })
    .regex(/^[0-9]+$/, "Must be a whole number.")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, minMessage ?? `Must be at least ${min}.`)
        .max(max, `Must be at most ${max}.`),
    );

/** A code from an authenticator app: six digits, spaces allowed as apps show them ("123 456"). */
export const otpField = z
  .string({ error: "Enter the 6-digit code from your app." })
  .transform((code) => code.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app."));

/** One of the recovery codes shown at enrolment, with or without its dash, in any case. */
export const recoveryCodeField = lineField({ error: "Enter a recovery code." })
  .min(1, "Enter a recovery code.")
  .max(40, "A recovery code has at most 40 characters.");
