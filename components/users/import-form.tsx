"use client";

import { useActionState, useEffect } from "react";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { pluralize } from "@/lib/pluralize";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";
import type { UserImportReport } from "@/lib/schemas/user-import";

type ImportState = FormState & { report?: UserImportReport; fileName?: string };

/** Upload, preview every row's problems (a dry run), then import. */
export function ImportForm({ submit }: { submit: FormAction<ImportState> }) {
  const [state, action, pending] = useActionState<ImportState, FormData>(submit, {});
  const stepUp = useStepUp(state, action);
  const report = state.report;
  const problem = state.error ?? fieldError(state, "file");
  useEffect(() => {
    if (report && !report.dryRun) toast.success(`Imported ${pluralize(report.imported, "user")}.`);
  }, [report]);

  return (
    <form action={stepUp.submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          File (CSV with a header line, or JSON)
        </label>
        <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required className="block text-sm" />
        <p className="text-xs text-muted">
          Columns: email, name, role, passwordHash (an existing bcrypt hash, optional). At most 5,000 rows.
        </p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="partial" /> Import the valid rows even if some are invalid
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          {pending ? "Working…" : "Preview"}
        </Button>
        <Button type="submit" name="intent" value="import" disabled={pending || !report?.dryRun}>
          Import
        </Button>
      </div>
      {problem ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      {report ? (
        <div role="status" className="space-y-3 text-sm">
          <p>
            {report.dryRun ? "Preview" : "Result"} of {state.fileName}: {pluralize(report.total, "row")}, {report.valid} valid
            {report.dryRun ? "" : `, ${report.imported} imported`}, {pluralize(report.errors.length, "problem")}.
          </p>
          {report.errors.length > 0 ? (
            <table className="w-full text-left">
              <caption className="sr-only">Problems by row</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Row
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Field
                  </th>
                  <th scope="col" className="py-1">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  <tr key={index} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-3">{error.row}</td>
                    <td className="py-1 pr-3 font-mono">{error.field}</td>
                    <td className="py-1">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      {stepUp.dialog}
    </form>
  );
}
