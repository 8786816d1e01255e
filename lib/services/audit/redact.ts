const secretKey = /password|secret|token|hash|otp/i;

/** Replaces every value whose key looks secret, at any depth, so snapshots are safe to keep. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) ? "[redacted]" : redactSecrets(inner)]),
    );
  }
  return value;
}
