import "server-only";
import { z } from "zod";

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// connection URL)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z
    .string({ error: "is required: at least 32 random characters (openssl rand -base64 32)" })
    .min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  APP_URL: z.url("must be an absolute URL such as https://users.example.com").default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  ADMIN_EMAIL: z.email("must be an email address").default("admin@example.com"),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 24),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  INVITATION_EMAILS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(500),
});

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
