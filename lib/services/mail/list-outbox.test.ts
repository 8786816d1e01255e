import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { renderMail } from "@/lib/mail/template";
import { getMailMessage } from "@/lib/services/mail/get-mail-message";
import { listOutbox } from "@/lib/services/mail/list-outbox";
import { sendMail } from "@/lib/services/mail/send-mail";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";

const mail = renderMail({ subject: "Outbox test", paragraphs: ["Body text"] });

describe("the outbox", () => {
  it("lets a superadmin list and open messages, newest first", async () => {
    const { user } = await createUser({ role: "superadmin" });
    const to = uniqueEmail("outbox");
    const first = await sendMail({ to, mail });
    const second = await sendMail({ to, mail });

    const page = await listOutbox({ actor: actorFor(user), query: { to, limit: 20 } });
    expect(page.total).toBe(2);
    expect(page.data.map((message) => message.id)).toEqual([second.messageId, first.messageId]);
    expect(page.data[0]).not.toHaveProperty("text");

    const opened = await getMailMessage({ actor: actorFor(user), messageId: first.messageId });
    expect(opened).toMatchObject({ to, subject: "Outbox test", text: "Body text\n" });
  });

  it.each(["admin", "user"] as const)("does not exist for an %s", async (role) => {
    const { user } = await createUser({ role });
    const { messageId } = await sendMail({ to: uniqueEmail(), mail });
    const refusals = await Promise.allSettled([
      listOutbox({ actor: actorFor(user), query: { limit: 20 } }),
      getMailMessage({ actor: actorFor(user), messageId }),
    ]);
    for (const refusal of refusals) {
      expect(refusal.status).toBe("rejected");
      expect((refusal as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((refusal as PromiseRejectedResult).reason as AppError).code).toBe("not_found");
    }
  });
});
