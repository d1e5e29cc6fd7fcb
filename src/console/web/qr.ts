/**
 * The QR code of an `otpauth://` URI, as inline SVG rendered on the server (`qrcode`), so an
 * authenticator app can scan it without any script. The SVG uses presentation attributes only
 * (no style attribute), which the CSP allows.
 */
import QRCode from 'qrcode';
import { html, unsafeRaw, type SafeHtml } from '../../web/html.ts';

export async function qrCode(uri: string): Promise<SafeHtml> {
  // The library's output is SVG by construction; the URI is encoded into modules, not copied as text.
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return html`<div class="bl-console-qr" role="img" aria-label="QR code of the authenticator key">${unsafeRaw(svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" '))}</div>`;
}
