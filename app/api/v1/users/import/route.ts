import { withApi } from "@/lib/http/with-api";
import { userImportQuerySchema } from "@/lib/schemas/user-import";
import { importUsers } from "@/lib/services/users/import-users";
import { readImportBody } from "@/lib/http/read-import-body";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/import – create many users from CSV or JSON (?dryRun=true, ?partial=true)
export const POST = withApi(
  async ({ actor, query, request }) => {
    const records = await readImportBody(request);
    const report = await importUsers({ actor, records, ...query });
    return Response.json(report, { status: report.dryRun || report.imported === 0 ? 200 : 201 });
  },
  { action: "users.import", query: userImportQuerySchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
