import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

/**
 * zod 4 copies methods onto each schema when it is created, so `.openapi()` exists only
 * on schemas created after this runs. Every schema file imports this first; otherwise a
 * route that loads its schemas before the OpenAPI registry leaves the document broken.
 */
extendZodWithOpenApi(z);
