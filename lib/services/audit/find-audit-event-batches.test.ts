import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditEventSchema, auditFilterSchema } from "@/lib/schemas/audit";
import { findAuditEventBatches } from "@/lib/services/audit/find-audit-event-batches";
import { auditExportResponse } from "@/lib/http/audit-export";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";

describe("the audit export", () => {
  it("streams every matching event, newest first, across batches", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actorEmail = uniqueEmail("exported");
    await db().auditEvent.createMany({
      data: [1, 2, 3, 4, 5].map((day) => ({
        action: "user.updated",
        at: new Date(`2026-05-0${day}T00:00:00Z`),
        actorEmail,
        after: { name: `=cmd ${day}` },
      })),
    });
    const filter = auditFilterSchema.parse({ actor: actorEmail });
    const csv = await (
      await auditExportResponse(await findAuditEventBatches({ actor: actorFor(admin), filter, batchSize: 2 }), "csv", "test")
    ).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,at,action,actorId,actorEmail,actorType,impersonatorId,impersonatorEmail,targetType,targetId,targetEmail,organizationId,organizationSlug,ip,userAgent,requestId,before,after",
    );
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual([
      "2026-05-05T00:00:00.000Z",
      "2026-05-04T00:00:00.000Z",
      "2026-05-03T00:00:00.000Z",
      "2026-05-02T00:00:00.000Z",
      "2026-05-01T00:00:00.000Z",
    ]);
    expect(lines[1]).toContain('"{""name"":""=cmd 5""}"');

    const json = await (
      await auditExportResponse(await findAuditEventBatches({ actor: actorFor(admin), filter, batchSize: 2 }), "json", "test")
    ).json();
    expect(json).toHaveLength(5);
    expect(json[0]).toMatchObject({ actorEmail, actorType: "user", organizationSlug: null, after: { name: "=cmd 5" } });
    // A row of the export is a row of the list, every field the document requires included.
    expect(auditEventSchema.array().safeParse(json).error?.issues).toBeUndefined();
  });

  it("refuses a caller before the download starts", async () => {
    const { user } = await createUser();
    await expect(findAuditEventBatches({ actor: actorFor(user), filter: {} })).rejects.toMatchObject({ code: "forbidden" });
  });
});
