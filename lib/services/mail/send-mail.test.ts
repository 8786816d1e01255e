import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { renderMail } from "@/lib/mail/template";
import { sendMail } from "@/lib/services/mail/send-mail";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { uniqueEmail } from "@/tests/support/factories";
import { startSmtpCatcher, type SmtpCatcher } from "@/tests/support/smtp-catcher";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

const mail = renderMail({
  subject: "Hello <there>",
  paragraphs: ["Dear <b>O'Brien</b> & co,"],
  action: { label: "Open", url: "http://localhost:3000/x?a=1&b=2" },
});

describe("sendMail", () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => (smtp = await startSmtpCatcher()));
  afterAll(() => smtp.close());
  afterEach(resetConfigOverrides);

  it("keeps the message in the outbox when no SMTP server is configured", async () => {
    const to = uniqueEmail("outbox");
    const { messageId, delivery } = await sendMail({ to, mail });
    expect(await delivery).toBe("kept_in_outbox");
    const stored = await db().mailMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(stored).toMatchObject({ to, subject: "Hello <there>", sentAt: null, error: null });
    expect(stored.html).toContain("Dear &lt;b&gt;O&#39;Brien&lt;/b&gt; &amp; co,");
    expect(stored.html).toContain('href="http://localhost:3000/x?a=1&amp;b=2"');
    expect(stored.text).toContain("Dear <b>O'Brien</b> & co,");
  });

  it("sends over SMTP and records when", async () => {
    configOverrides.SMTP_URL = smtp.url;
    const to = uniqueEmail("smtp");
    const { messageId, delivery } = await sendMail({ to, mail });
    expect(await delivery).toBe("sent");
    const caught = await smtp.waitFor(to);
    expect(caught.raw).toMatch(/^Subject: Hello <there>/m);
    expect(caught.from).toBe("no-reply@localhost");
    const stored = await db().mailMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(stored.sentAt).toBeInstanceOf(Date);
  });

  it("keeps the message and its error when the server refuses it", async () => {
    const refusing = await startSmtpCatcher({ rejectAll: true });
    try {
      configOverrides.SMTP_URL = refusing.url;
      const { messageId, delivery } = await sendMail({ to: uniqueEmail("refused"), mail });
      expect(await delivery).toBe("failed");
      const stored = await db().mailMessage.findUniqueOrThrow({ where: { id: messageId } });
      expect(stored.sentAt).toBeNull();
      expect(stored.error).toMatch(/Mailbox unavailable/);
    } finally {
      await refusing.close();
    }
  });
});
