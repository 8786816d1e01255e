"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { importUsers } from "@/lib/services/users/import-users";
import { parseUserImport } from "@/lib/schemas/parse-user-import";

const maxFileBytes = 2_000_000;

const importForm = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV or JSON file." })
    .refine((file) => file.size > 0, "Choose a CSV or JSON file.")
    .refine((file) => file.size <= maxFileBytes, "The file is larger than 2 MB; split it into several imports."),
  intent: z.enum(["preview", "import"]).default("preview"),
  partial: z.literal("on").optional(),
});

/** Previews (dry run) or performs an import of the uploaded file; CSV or JSON by the file's name. */
export const importUsersAction = formAction(
  { action: "users.import", schema: importForm },
  async ({ actor, input: { file, intent, partial } }) => {
    const dryRun = intent !== "import";
    const format = /\.json$/i.test(file.name) || file.type === "application/json" ? "json" : "csv";
    const records = parseUserImport(await file.text(), format);
    const report = await importUsers({ actor, records, dryRun, partial: partial === "on" });
    if (!dryRun) revalidatePath("/admin/users");
    return { report, fileName: file.name };
  },
);
