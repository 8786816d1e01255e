import { problems, registry } from "@/lib/openapi/registry";
import { acceptedSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/schemas/auth-email";

const accepted = registry.register("Accepted", acceptedSchema);

const json = <T,>(schema: T) => ({ content: { "application/json": { schema } } });

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/password/forgot",
  tags: ["Authentication"],
  summary: "Email a password reset link",
  description:
    "Always answers 202 with the same message, whether or not the address is registered. Limited per address and per client.",
  request: { body: { required: true, ...json(forgotPasswordSchema) } },
  responses: {
    202: { description: "Accepted; a link is on its way if the address has an account.", ...json(accepted) },
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/password/reset",
  tags: ["Authentication"],
  summary: "Set a new password with a reset link's token",
  description: "The token works once and expires after PASSWORD_RESET_TTL_MINUTES. Every session of the user ends.",
  request: { body: { required: true, ...json(resetPasswordSchema) } },
  responses: {
    200: { description: "The password was changed.", ...json(accepted) },
    400: problems[400],
    422: problems[422],
    429: problems[429],
  },
});
