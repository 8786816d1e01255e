import { firstPage, pageBody } from "../../../lib/first-page-sql.mjs";
import { pool } from "../pool";

// GET /first-page – the user list's first page through pg, nothing else
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await pageBody(pool, firstPage));
}
