// GET /empty – what Next.js itself costs for a route that does nothing
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
