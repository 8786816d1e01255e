import { escapeHtml } from "@/lib/escape-html";
/** The parts every email is made of; values are plain text and escaped for the HTML body. */
export type MailContent = {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Said after the action, e.g. how long a link stays valid or what to do if it was not you. */
  closing?: string[];
};

export type RenderedMail = { subject: string; text: string; html: string };

function textBody({ paragraphs, action, closing = [] }: MailContent): string {
  const blocks = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), ...closing];
  return `${blocks.join("\n\n")}\n`;
}

function htmlBody({ subject, paragraphs, action, closing = [] }: MailContent): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const button = action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#4f46e5;color:#ffffff;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#52525b">Or open this address: ${escapeHtml(action.url)}</p>`
    : "";
  return [
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#18181b">`,
    ...paragraphs.map(paragraph),
    button,
    ...closing.map(paragraph),
    `</body></html>`,
  ].join("");
}

/** Renders one message as the plain-text and HTML bodies every client can show. */
export function renderMail(content: MailContent): RenderedMail {
  return { subject: content.subject, text: textBody(content), html: htmlBody(content) };
}
