import { withApi } from "@/lib/http/with-api";
import { withAttributeParams } from "@/lib/schemas/attributes";
import { userExportQuerySchema } from "@/lib/schemas/user";
import { findUserBatches } from "@/lib/services/users/find-user-batches";
import { exportStream } from "@/lib/http/export-stream";
import { exportColumns, userExportRows } from "@/lib/http/export-format";
import { attributeExport } from "@/lib/services/attributes/export-attribute-values";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const contentTypes = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

// GET /api/v1/users/export – every user matching the list's filters, streamed as CSV or JSON, with a column per installation attribute
export const GET = withApi(
  async ({ actor, query: { format, ...filter }, requestId }) => {
    const batches = await findUserBatches({ actor, filter });
    const attributes = await attributeExport(actor);
    const rows = attributes.addValues(userExportRows(batches));
    const body = await exportStream(rows, format, { requestId, columns: [...exportColumns, ...attributes.columns] });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": contentTypes[format],
        "content-disposition": `attachment; filename="users-${day}.${format}"`,
        "cache-control": "no-store",
      },
    });
  },
  { action: "users.export", query: withAttributeParams(userExportQuerySchema) },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
