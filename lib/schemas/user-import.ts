import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { emailField, nameField } from "@/lib/schemas/fields";
import { profileUpdateSchema } from "@/lib/schemas/profile";
import { globalRoleSchema } from "@/lib/schemas/user";

/** A bcrypt hash as other systems store it: `$2a$`, `$2b$` or `$2y$`, cost, salt and digest. */
const bcryptHash = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/**
 * The costs BCRYPT_COST allows. A cheaper hash is cracked quickly if the table leaks (cost
 * 4 is a thousand times cheaper than 14); a dearer one lets each sign-in attempt tie up
 * the server. Such hashes are refused rather than kept until their owner signs in.
 */
const importedCost = { min: 10, max: 15 };
const costOf = (hash: string) => Number(hash.slice(4, 6));

// Spreadsheets leave empty cells as empty strings; they mean "not given".
const blankAsMissing = (value: unknown) => (value === "" ? undefined : value);

const profileColumn = <T extends z.ZodType>(field: T) => z.preprocess(blankAsMissing, field);
const profile = profileUpdateSchema.shape;

/**
 * A CSV cell holds the phone list as JSON, as the export writes it, or one number, taken
 * as the primary work phone, as a spreadsheet made by hand would have it.
 */
function phoneCell(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  if (!text.startsWith("[")) return [{ value: text, type: "work", primary: true }];
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

/** One user of an import file, CSV or JSON: the columns the export writes, but for the ones the server decides. */
export const userImportRowSchema = z.strictObject({
  email: emailField,
  name: z.preprocess(blankAsMissing, nameField.optional()),
  role: z.preprocess(blankAsMissing, globalRoleSchema.default("user")),
  passwordHash: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(bcryptHash, "Must be a bcrypt hash ($2a$, $2b$ or $2y$).")
      .refine(
        (hash) => costOf(hash) >= importedCost.min && costOf(hash) <= importedCost.max,
        `Must be a bcrypt hash of cost ${importedCost.min} to ${importedCost.max}; ask the user to reset the password instead.`,
      )
      .optional(),
  ),
  givenName: profileColumn(profile.givenName),
  familyName: profileColumn(profile.familyName),
  middleName: profileColumn(profile.middleName),
  nickname: profileColumn(profile.nickname),
  title: profileColumn(profile.title),
  phoneNumbers: z.preprocess(phoneCell, profile.phoneNumbers),
  preferredLanguage: profileColumn(profile.preferredLanguage),
  locale: profileColumn(profile.locale),
  timeZone: profileColumn(profile.timeZone),
});
export type UserImportRow = z.infer<typeof userImportRowSchema>;

export const userImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  partial: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export const importRowErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** The answer to an import: how many rows are valid, how many were written (none in a dry run), and what is wrong with the rest. */
export const userImportReportSchema = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type UserImportReport = z.infer<typeof userImportReportSchema>;

/** Imports are bounded so one request holds one transaction for seconds, not minutes. */
export const maxImportRows = 5000;
