import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { userPublicSchema } from "@/lib/schemas/user";

const user = registry.register("User", userPublicSchema);

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "The signed-in user",
  security: authenticated,
  responses: {
    200: { description: "The caller's own record.", content: { "application/json": { schema: user } } },
    401: problems[401],
  },
});
