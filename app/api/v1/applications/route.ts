import { applicationCollectionRoutes, globalScope } from "@/lib/http/application-routes";

const routes = applicationCollectionRoutes(globalScope);

// GET /api/v1/applications – global applications (OAuth clients)
export const GET = routes.GET;

// POST /api/v1/applications – register an application; a confidential one's client secret is shown once
export const POST = routes.POST;
