import "server-only";
import QRCode from "qrcode";

/**
 * A QR code as an SVG data URI for an `<img>`, drawn on this server: what it carries
 * (an authenticator app's secret) never goes to a third-party service or a page script.
 */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
