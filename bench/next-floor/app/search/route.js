import { pageBody, search } from "../../../lib/first-page-sql.mjs";
import { pool } from "../pool";

// GET /search – the search q=smith through pg, nothing else
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await pageBody(pool, search));
}
