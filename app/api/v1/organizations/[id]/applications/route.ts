import { applicationCollectionRoutes, organizationScope } from "@/lib/http/application-routes";

const routes = applicationCollectionRoutes(organizationScope);

// GET /api/v1/organizations/:id/applications – the organization's applications (OAuth clients)
export const GET = routes.GET;

// POST /api/v1/organizations/:id/applications – register an application; a confidential one's client secret is shown once
export const POST = routes.POST;
