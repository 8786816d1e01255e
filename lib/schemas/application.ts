import { z } from "zod";
import { oidcScopes, resourceScopes } from "@/lib/auth/scopes";
import { lineField } from "@/lib/schemas/fields";

export const applicationKinds = ["web", "spa", "native", "machine"] as const;
/** What an application may be registered for: signing people in, and the installation's own resources. */
export const applicationScopes = [...oidcScopes, ...resourceScopes] as const;

const kindField = z.enum(applicationKinds, {
  error: "Choose web (a server-side app), spa (a browser app), native (a desktop, mobile or CLI app) or machine (a service).",
});

const nameField = lineField({ error: "Enter the application's name." })
  .min(1, "Enter the application's name.")
  .max(100, "A name has at most 100 characters.");

/** Loopback addresses, where a native app listens for its redirect (RFC 8252 §7.3). */
const loopbackHosts = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * A redirect URI is compared to the request's exactly, so it is stored as given: absolute,
 * without a fragment (RFC 6749 §3.1.2) or a wildcard, and https unless it is a loopback
 * address or a native app's private-use scheme (`com.example.app:/callback`, RFC 8252 §7.1).
 */
const redirectUriField = lineField({ error: "Enter an absolute URI." })
  .min(1, "Enter an absolute URI.")
  .max(2000, "A URI has at most 2000 characters.")
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Enter an absolute URI, such as https://app.example.com/callback." });
      return;
    }
    if (url.hash || value.includes("#")) context.addIssue({ code: "custom", message: "A redirect URI has no fragment (#…)." });
    if (value.includes("*")) context.addIssue({ code: "custom", message: "A redirect URI is matched exactly: no wildcards." });
    const scheme = url.protocol.slice(0, -1);
    if (scheme === "http" && !loopbackHosts.has(url.hostname)) {
      context.addIssue({ code: "custom", message: "Use https://, or http:// on a loopback address (127.0.0.1, [::1]) only." });
    }
    if (["javascript", "data", "file", "vbscript", "blob"].includes(scheme)) {
      context.addIssue({ code: "custom", message: `A redirect URI cannot use the ${scheme}: scheme.` });
    }
  });

const redirectUrisField = z
  .array(redirectUriField, { error: "Give a list of redirect URIs." })
  .max(20, "An application has at most 20 redirect URIs.")
  .transform((uris) => [...new Set(uris)]);

const httpsUrlField = lineField({ error: "Enter an absolute https:// URL." })
  .max(2000, "A URL has at most 2000 characters.")
  .pipe(z.url({ protocol: /^https$/, error: "Enter an absolute https:// URL." }));

const scopesField = z
  .array(z.enum(applicationScopes, { error: `Choose from: ${applicationScopes.join(", ")}.` }), { error: "Give a list of scopes." })
  .transform((scopes) => applicationScopes.filter((scope) => scopes.includes(scope)));

const booleanField = z.boolean({ error: "Give true or false." });

export const applicationCreateSchema = z.strictObject({
  kind: kindField,
  name: nameField,
  redirectUris: redirectUrisField.optional(),
  postLogoutRedirectUris: redirectUrisField.optional(),
  backchannelLogoutUri: httpsUrlField.nullable().optional(),
  logoUri: httpsUrlField.nullable().optional(),
  scopes: scopesField.optional(),
  requireSecondFactor: booleanField.optional(),
  firstParty: booleanField.optional().meta({
    description: "Trusted by the installation: people are not asked to consent. Only global applications may be first-party.",
  }),
});
export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;

/** Any field of the registration but its kind (a public client cannot become confidential), and whether it is enabled. */
export const applicationUpdateSchema = applicationCreateSchema
  .omit({ kind: true })
  .partial()
  .extend({
    enabled: booleanField.optional().meta({ description: "False stops the application's sign-ins and every token it holds at once." }),
  });
export type ApplicationUpdate = z.infer<typeof applicationUpdateSchema>;

/** An application as its managers see it: never the secret. */
export const applicationPublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid().nullable().meta({ description: "Null for a global application, which anyone may sign in to." }),
  clientId: z.string().meta({ description: "The OAuth client_id." }),
  name: z.string(),
  kind: kindField,
  tokenEndpointAuthMethod: z.string().meta({ description: "client_secret_basic for web and machine applications, none for public ones." }),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  backchannelLogoutUri: z.string().nullable(),
  logoUri: z.string().nullable(),
  scopes: z.array(z.string()),
  firstParty: z.boolean(),
  requireSecondFactor: z.boolean(),
  enabled: z.boolean(),
  previousSecretExpiresAt: z.iso.datetime().nullable().meta({ description: "Until when the secret before the last rotation still works." }),
  lastUsedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ApplicationPublic = z.infer<typeof applicationPublicSchema>;

/** The answer to registering a confidential application or rotating its secret: the only time the secret is shown. */
export const applicationWithSecretSchema = applicationPublicSchema.extend({
  clientSecret: z
    .string()
    .nullable()
    .meta({ description: "The client secret (`umcs_…`), shown once; null for public clients (spa, native), which use PKCE." }),
});
export type ApplicationWithSecret = z.infer<typeof applicationWithSecretSchema>;
