import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import {
  acceptedSchema,
  emailChangeSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  signUpSchema,
  verifyEmailSchema,
} from "@/lib/schemas/auth-email";

const accepted = registry.register("Accepted", acceptedSchema);

const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/password/forgot",
  tags: ["Authentication"],
  summary: "Email a password reset link",
  description: "Always answers 202 with the same message, whether or not the address is registered. Limited per address and per client.",
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

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/sign-up",
  tags: ["Authentication"],
  summary: "Create an account (role user)",
  description:
    "Answers 202 with the same message whether or not the address is registered; a registered address gets an email saying someone tried. 403 when SIGN_UP_ENABLED is false. With email verification on, the new address is sent a link.",
  request: { body: { required: true, ...json(signUpSchema) } },
  responses: {
    202: { description: "Accepted; check the mailbox.", ...json(accepted) },
    403: problems[403],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/email/verify",
  tags: ["Authentication"],
  summary: "Confirm an email address with a verification link's token",
  description: "Confirms the user's address, or, for a link sent to a new address, moves the account to it. The token works once.",
  request: { body: { required: true, ...json(verifyEmailSchema) } },
  responses: {
    200: {
      description: "Confirmed.",
      ...json(z.object({ email: z.email(), changed: z.boolean().meta({ description: "Whether the account moved to a new address." }) })),
    },
    400: problems[400],
    409: problems[409],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/email",
  tags: ["Users"],
  summary: "Change the caller's email address",
  description:
    "Needs the current password. Mails a confirmation link to the new address; the change applies when it is followed. A taken address gets the same answer.",
  security: authenticated,
  request: { body: { required: true, ...json(emailChangeSchema) } },
  responses: {
    202: { description: "Accepted; a link is on its way to the new address.", ...json(accepted) },
    401: problems[401],
    422: problems[422],
    429: problems[429],
  },
});
