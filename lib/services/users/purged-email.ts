/** The address a purged user is left with: unique, lower-case, and undeliverable by RFC 6761. */
export function purgedEmail(userId: string): string {
  return `deleted-${userId}@invalid`;
}
