import { publicRoute } from "@/lib/http/handle-route";
import { readSwaggerUiAsset } from "@/lib/openapi/swagger-ui-assets";

// GET /api/docs/:asset – the reference page's scripts and styles, bundled with the app
export const GET = publicRoute("api.reference", async (_request: Request, { params }: { params: Promise<{ asset: string }> }) => {
  const asset = await readSwaggerUiAsset((await params).asset);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(asset.body), {
    headers: { "content-type": asset.contentType, "cache-control": "public, max-age=86400" },
  });
});
