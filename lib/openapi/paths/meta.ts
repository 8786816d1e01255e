import { z } from "zod";
import { registry } from "@/lib/openapi/registry";

registry.registerPath({
  method: "get",
  path: "/api/v1/openapi.json",
  tags: ["Meta"],
  summary: "This document",
  description: "Public. An interactive reference is served at /api/docs.",
  responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: z.looseObject({}) } } } },
});
