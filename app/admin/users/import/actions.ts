"use server";

import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/auth";
import { toAppError } from "@/lib/http/problem";
import type { UserImportReport } from "@/lib/schemas/user-import";
import { importUsers } from "@/lib/services/users/import-users";
import { parseUserImport } from "@/lib/users/parse-user-import";

export type ImportState = { report?: UserImportReport; error?: string; fileName?: string };

const maxFileBytes = 2_000_000;

/** Previews (dry run) or performs an import of the uploaded file; CSV or JSON by the file's name. */
export async function importUsersAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await getSessionActor();
  if (!actor) return { error: "Your session has ended; sign in again." };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV or JSON file." };
  if (file.size > maxFileBytes) return { error: "The file is larger than 2 MB; split it into several imports.", fileName: file.name };
  const dryRun = formData.get("intent") !== "import";
  try {
    const format = /\.json$/i.test(file.name) || file.type === "application/json" ? "json" : "csv";
    const records = parseUserImport(await file.text(), format);
    const report = await importUsers({ actor, records, dryRun, partial: formData.get("partial") === "on" });
    if (!dryRun) revalidatePath("/admin/users");
    return { report, fileName: file.name };
  } catch (error) {
    const appError = toAppError(error);
    return { error: appError.code === "internal" ? "Something went wrong; try again." : appError.message, fileName: file.name };
  }
}
