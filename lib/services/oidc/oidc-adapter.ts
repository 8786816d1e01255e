import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import { findClientMetadata } from "@/lib/services/oidc/client-metadata";

/** What oidc-provider stores for one of its models; the fields named here are the ones it looks records up by. */
type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  accountId?: string;
  consumed?: number | boolean;
};

/** How long after its expiry a device code is still found, so that its device learns it expired. */
const deviceCodeGraceMs = 10 * 60 * 1000;

/** A record as the provider reads it: a consumed one says since when (seconds). */
const withConsumed = ({ payload, consumedAt }: { payload: Payload; consumedAt: Date | null }): Payload =>
  consumedAt ? { ...payload, consumed: Math.floor(consumedAt.getTime() / 1000) } : payload;

/**
 * oidc-provider's storage, over PostgreSQL: one row per record of each of its models
 * (grants, sessions, authorization and device codes, refresh tokens, interactions,
 * replay detection), kept until it expires. Clients are not stored here: the provider
 * asks for them by client_id and gets the application's registration
 * (client-metadata.ts). Expired rows are never returned and are swept by a recurring
 * task (`deleteExpiredOidcRecords`).
 */
export class OidcAdapter {
  constructor(private readonly kind: string) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const columns = {
      payload: payload as Prisma.InputJsonValue,
      grantId: typeof payload.grantId === "string" ? payload.grantId : null,
      userCode: typeof payload.userCode === "string" ? payload.userCode : null,
      uid: typeof payload.uid === "string" ? payload.uid : null,
      accountId: typeof payload.accountId === "string" ? payload.accountId : null,
      ...this.ourSession(payload),
      expiresAt,
    };
    await db().oidcRecord.upsert({
      where: { kind_id: { kind: this.kind, id } },
      create: { kind: this.kind, id, ...columns },
      update: columns,
    });
  }

  /**
   * A provider session signed in beside a session of ours records which (the request noted
   * it: lib/oidc/browser-session.ts), so ending ours finds and ends it
   * (end-provider-sessions.ts). A save that knows none keeps what was recorded.
   */
  private ourSession(payload: Payload): { sessionId?: string } {
    const browser = currentRequestContext()?.browserSession;
    if (this.kind !== "Session" || !browser || browser.userId !== payload.accountId) return {};
    return { sessionId: browser.id };
  }

  async find(id: string): Promise<Payload | undefined> {
    if (this.kind === "Client") return (await findClientMetadata(id)) ?? undefined;
    // A device still polling with an expired code is told expired_token (RFC 8628 3.5), which the provider decides from the record.
    return this.findById(id, this.kind === "DeviceCode" ? deviceCodeGraceMs : 0);
  }

  /**
   * The lookup every token, code, grant and session request makes, by primary key: one
   * plain statement, so that a request to the provider does not pay for building a query
   * three or four times over.
   */
  private async findById(id: string, graceMs: number): Promise<Payload | undefined> {
    const after = new Date(Date.now() - graceMs);
    const [record] = await db().$queryRaw<{ payload: Payload; consumedAt: Date | null }[]>`
      SELECT payload, consumed_at AS "consumedAt" FROM oidc_records
      WHERE kind = ${this.kind} AND id = ${id} AND (expires_at IS NULL OR expires_at > ${after})`;
    return record ? withConsumed(record) : undefined;
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.findWhere({ kind: this.kind, userCode });
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.findWhere({ kind: this.kind, uid });
  }

  async consume(id: string): Promise<void> {
    await db().oidcRecord.updateMany({ where: { kind: this.kind, id }, data: { consumedAt: new Date() } });
  }

  async destroy(id: string): Promise<void> {
    await db().oidcRecord.deleteMany({ where: { kind: this.kind, id } });
  }

  /** Every token and code of a grant goes with it: a replayed code or refresh token revokes the whole family. */
  async revokeByGrantId(grantId: string): Promise<void> {
    await db().oidcRecord.deleteMany({ where: { grantId } });
  }

  private async findWhere(where: Prisma.OidcRecordWhereInput, graceMs = 0): Promise<Payload | undefined> {
    const after = new Date(Date.now() - graceMs);
    const record = await db().oidcRecord.findFirst({ where: { ...where, OR: [{ expiresAt: null }, { expiresAt: { gt: after } }] } });
    return record ? withConsumed({ payload: record.payload as Payload, consumedAt: record.consumedAt }) : undefined;
  }
}

/** Removes what has expired; the provider never returns such rows, this only keeps the table small. */
export async function deleteExpiredOidcRecords(): Promise<number> {
  const { count } = await db().oidcRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
