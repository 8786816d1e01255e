import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { addImpliedResponses } from "@/lib/openapi/implied-responses";
import { registry } from "@/lib/openapi/registry";
import "@/lib/openapi/paths/audit";
import "@/lib/openapi/paths/auth-email";
import "@/lib/openapi/paths/health";
import "@/lib/openapi/paths/mail";
import "@/lib/openapi/paths/meta";
import "@/lib/openapi/paths/organizations";
import "@/lib/openapi/paths/attributes";
import "@/lib/openapi/paths/stats";
import "@/lib/openapi/paths/users";
import "@/lib/openapi/paths/auth";
import "@/lib/openapi/paths/account";
import "@/lib/openapi/paths/passkeys";
import "@/lib/openapi/paths/user-tokens";
import "@/lib/openapi/paths/granted-applications";
import "@/lib/openapi/paths/mfa";
import "@/lib/openapi/paths/webhooks";
import "@/lib/openapi/paths/applications";
import "@/lib/openapi/paths/scim-tokens";
import "@/lib/openapi/paths/organization-domains";
import "@/lib/openapi/paths/groups";

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated once per process from the registry. */
export function openApiDocument() {
  cached ??= addImpliedResponses(
    new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: "3.1.0",
      info: {
        title: "Usermanager API",
        version: "1.0.0",
        description: "Users, organizations, roles and audit. Errors are RFC 9457 problem documents.",
      },
      servers: [{ url: "/" }],
      tags: [
        {
          name: "SCIM",
          description:
            "Organization owners manage SCIM tokens here. Identity providers then provision the organization's users and groups at `/scim/v2` (RFC 7643, RFC 7644: `/Users`, `/Groups`, `/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`), with `Authorization: Bearer scim_…`, `application/scim+json` bodies and SCIM error documents; the README's SCIM section describes them.",
        },
      ],
    }),
  );
  return cached;
}
