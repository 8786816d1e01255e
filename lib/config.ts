import "server-only";
import { isIP, isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { profileFields } from "@/lib/schemas/profile";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const signInSettings = {
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(600),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RATE_LIMIT_SIGN_IN_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /** The ceiling for one account over all client addresses: far above what one address may try. */
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(100),
  RATE_LIMIT_SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  /** The legacy password grant at POST /api/v1/auth/token (RFC 9700 says not to use it); on so upgrades keep working. */
  OAUTH_PASSWORD_GRANT: flag.default(true),
  /**
   * Requests one client address may make in a minute to the identity provider's endpoints
   * that take secrets and tokens (token, introspection, revocation, pushed authorization).
   * A busy service behind one address (a NAT, a cluster's egress) may need more.
   */
  RATE_LIMIT_OAUTH_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
};

/** How long credentials for programs live; 0 means no limit where allowed (docs/security.md). */
const tokenSettings = {
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  REFRESH_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How long a sign-in or a confirmation (password, or a second factor) counts for sensitive actions (step-up). */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** How long an administrator may view the app as a user ("view as") before the session ends; never more than 30. */
  IMPERSONATION_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
};

/** Second factors (docs/security.md, "Multi-factor authentication"). */
const mfaSettings = {
  /** Who must have a second factor: nobody, global admins and superadmins, or everyone. */
  MFA_REQUIRED_FOR: z.enum(["none", "admins", "everyone"]).default("none"),
  /** The key TOTP secrets are encrypted with; unset means a key derived from AUTH_SECRET. */
  ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Earlier keys, comma-separated, still accepted for reading while `npm run secrets:reencrypt` moves secrets to the new one. */
  ENCRYPTION_KEYS_PREVIOUS: z.string().optional(),
};

/** A 32-byte Ed25519 key, private seed or public key, as base64url (`npm run audit:prune -- --new-key` makes a pair). */
const ed25519Key = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a key printed by npm run audit:prune -- --new-key");

/** The audit log's retention and the key pair of its pruning checkpoints (docs/security.md, "Tamper evidence"). */
const auditSettings = {
  /** Audit events older than this are removed by `npm run audit:prune`; 0 keeps them forever. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36500).default(365),
  /** The public halves, comma-separated, of the keys pruning checkpoints may be signed with: what verification trusts. */
  AUDIT_PRUNE_PUBLIC_KEY: z
    .string()
    .transform((value) => value.split(",").map((key) => key.trim()))
    .pipe(z.array(ed25519Key))
    .default([]),
  /** The private key `npm run audit:prune` signs checkpoints with: for the pruning job's environment only, never the server's. */
  AUDIT_PRUNE_KEY: ed25519Key.optional(),
};

const mailSettings = {
  /** smtp:// or smtps:// URL with credentials; takes precedence over the SMTP_HOST group. */
  SMTP_URL: z.url("must be a URL such as smtps://user:password@mail.example.com:465").optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: flag.default(false),
  MAIL_FROM: z.string().min(3).default("Usermanager <no-reply@localhost>"),
};

const accountSettings = {
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(30).max(60).default(60),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(48),
  EMAIL_VERIFICATION: z.enum(["required", "optional", "off"]).default("optional"),
  /** Unset means: on in development, off in production (see withSignUpDefault). */
  SIGN_UP_ENABLED: flag.optional(),
  RATE_LIMIT_EMAIL_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  RATE_LIMIT_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /** At most one reset email per address in this many minutes; further requests are answered alike and not sent. */
  PASSWORD_RESET_EMAIL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
};

const singleSignOnSettings = {
  OIDC_ISSUER: z.url("must be the issuer URL of an OpenID Connect provider").optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
};

/** A DNS server as `Resolver#setServers` takes it: an IP address, with a port as `127.0.0.1:5353` or `[::1]:5353`. */
function isDnsServer(entry: string): boolean {
  if (isIP(entry)) return true;
  const [, host, port] = /^\[([^\]]+)\]:(\d{1,5})$/.exec(entry) ?? /^([\d.]+):(\d{1,5})$/.exec(entry) ?? [];
  return Boolean(host && port) && (isIPv4(host!) || isIPv6(host!)) && Number(port) >= 1 && Number(port) <= 65535;
}

/** Organizations and the domains they verify (docs/security.md, "Verified domains"). */
const organizationSettings = {
  /** Who may create organizations: every signed-in user, or only global admins and superadmins. */
  ORGANIZATION_CREATION: z.enum(["everyone", "admins"]).default("everyone"),
  /** The DNS servers that verify domains, comma-separated; unset means the system's. */
  DNS_RESOLVER: z
    .string()
    .transform((value) => value.split(",").map((entry) => entry.trim()))
    .refine((servers) => servers.every(isDnsServer), "must be IP addresses with optional ports, such as 9.9.9.9,[2620:fe::fe]:53")
    .optional(),
};

/** The profile fields people may change about themselves; the rest only administrators and directories set. */
const profileSettings = {
  /**
   * Comma-separated profile fields (as the API names them), or "none". The default leaves
   * out the title, which an organization's records usually decide.
   */
  PROFILE_SELF_EDITABLE: z
    .string()
    .transform((value) => (value.trim() === "none" ? [] : value.split(",").map((field) => field.trim())))
    .pipe(z.array(z.enum(profileFields, { error: `must list profile fields among ${profileFields.join(", ")}, or be none` })))
    .default(["givenName", "familyName", "middleName", "nickname", "phoneNumbers", "preferredLanguage", "locale", "timeZone"]),
};

/**
 * Open registration suits a developer's machine; a production installation should opt in,
 * since anyone who can reach it could otherwise create an account.
 */
function withSignUpDefault<T extends { NODE_ENV: string; SIGN_UP_ENABLED?: boolean }>(settings: T) {
  return { ...settings, SIGN_UP_ENABLED: settings.SIGN_UP_ENABLED ?? settings.NODE_ENV !== "production" };
}

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (a postgresql:// connection URL)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
    /** The database without a pooler in between, for migrations; unset means DATABASE_URL. */
    DIRECT_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    AUTH_SECRET: z
      .string({ error: "is required: at least 32 random characters (openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    APP_URL: z.url("must be an absolute URL such as https://users.example.com").default("http://localhost:3000"),
    /** Reverse proxies in front of the app that each append the address they saw to X-Forwarded-For. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    ADMIN_EMAIL: z.email("must be an email address").default("admin@example.com"),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    SESSION_IDLE_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 30)
      .default(60 * 24),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    INVITATION_EMAILS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(500),
    USER_RESTORE_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    /** How often the identity provider's signing keys are replaced (docs/security.md, "Identity provider"). */
    OIDC_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    ...auditSettings,
    ...signInSettings,
    ...tokenSettings,
    ...mfaSettings,
    ...mailSettings,
    ...accountSettings,
    ...singleSignOnSettings,
    ...organizationSettings,
    ...profileSettings,
    /** Lets webhooks reach http:// and loopback or private addresses: for development and tests only (docs/security.md). */
    WEBHOOK_ALLOW_PRIVATE_TARGETS: flag.default(false),
  })
  .transform(withSignUpDefault);

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every setting.`);
    this.name = "ConfigError";
  }
}

/** Validates an environment, naming every bad variable at once rather than the first. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings come from `FOO=` lines in .env files; they mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

let cached: Config | undefined;

/** The configuration, read from the environment once. Lazy so that `next build` needs no secrets. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Whether the app is served over https in production: cookies are then Secure and prefixed. */
export function isHttpsDeployment(settings: Pick<Config, "NODE_ENV" | "APP_URL">): boolean {
  return settings.NODE_ENV === "production" && settings.APP_URL.startsWith("https://");
}
