import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { importedBcryptHash } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { profileFields, type ProfileUpdate } from "@/lib/schemas/profile";
import { maxImportRows, type UserImportReport, type UserImportRow } from "@/lib/schemas/user-import";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { profileColumns } from "@/lib/services/users/profile-columns";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { validateImportRows } from "@/lib/services/users/validate-import-rows";

/** The profile fields of an import row. */
const profileOf = (row: UserImportRow): ProfileUpdate => Object.fromEntries(profileFields.map((field) => [field, row[field]]));

type ImportOptions = {
  actor: Actor;
  /** Parsed rows (objects with email, name, role, passwordHash, the profile's fields and `attribute.<key>` cells), from CSV or JSON. */
  records: unknown[];
  /** Validate only; write nothing. */
  dryRun: boolean;
  /** Import the valid rows even when others are invalid; otherwise all or nothing. */
  partial: boolean;
};

/**
 * Creates many users at once, in one transaction. Imported bcrypt hashes are kept so
 * people keep their passwords; users without one set it through a password reset.
 */
export async function importUsers({ actor, records, dryRun, partial }: ImportOptions): Promise<UserImportReport> {
  authorize(actor, "users:write");
  if (records.length > maxImportRows) {
    throw new AppError("payload_too_large", `Import at most ${maxImportRows} users at a time.`);
  }
  const { rows, errors } = await validateImportRows(records, actor);
  const report = { dryRun, total: records.length, valid: rows.length, errors };
  if (dryRun || rows.length === 0) return { ...report, imported: 0 };
  if (errors.length > 0 && !partial) {
    throw new AppError("validation_failed", "Some rows are invalid; nothing was imported.", {
      fieldErrors: errors.map((error) => ({ field: `rows.${error.row}.${error.field}`, message: error.message })),
    });
  }

  const imported = await db().$transaction(
    async (tx) => {
      const created = await tx.user.createManyAndReturn({
        data: rows.map(({ data }) => ({
          email: data.email,
          name: data.name ?? null,
          role: data.role,
          passwordHash: data.passwordHash ? importedBcryptHash(data.passwordHash) : null,
          ...profileColumns(profileOf(data)),
        })),
      });
      const attributesOf = new Map(rows.map((row) => [row.data.email, row.attributes]));
      for (const user of created) {
        await recordAuditEvent(tx, {
          action: "user.imported",
          actor,
          target: { type: "user", id: user.id },
          after: toManagedUser(user),
        });
        const attributes = attributesOf.get(user.email) ?? {};
        if (Object.keys(attributes).length > 0) {
          const write = { actor, userId: user.id, organizationId: null, input: attributes, audience: "admin" as const };
          await writeAttributeValues(tx, { ...write, fieldPrefix: "attribute." });
        }
      }
      return created.length;
    },
    { timeout: 60_000 },
  );
  return { ...report, imported };
}
