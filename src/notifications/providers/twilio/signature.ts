/**
 * Twilio request signatures (X-Twilio-Signature), per Twilio's documented algorithm:
 * take the full URL Twilio requested (scheme, host, path and query string), append each
 * POST parameter name and value sorted by name (a repeated name: its distinct values,
 * sorted), sign the UTF-8 string with HMAC-SHA1 keyed by the account's auth token, and
 * base64 it. Twilio may sign the URL with or without the default port, so both are tried.
 * Compared in constant time. Pure (node:crypto).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** The URL as Twilio may have signed it: as given, and with the scheme's default port added or removed. */
function urlVariants(url: string): string[] {
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const defaultPort = scheme.toLowerCase() === 'https' ? '443' : '80';
  const portMatch = /^(.*?)(?::(\d+))?$/.exec(authority)!;
  const host = portMatch[1]!;
  const port = portMatch[2];
  const variants = new Set([url]);
  if (port === undefined) variants.add(`${scheme}://${host}:${defaultPort}${rest}`);
  else if (port === defaultPort) variants.add(`${scheme}://${host}${rest}`);
  return [...variants];
}

/** True when `header` is Twilio's signature of this request. A missing or empty header is never valid. */
export function verifyTwilioSignature(authToken: string, header: string | undefined, url: string, params: TwilioParams): boolean {
  if (!header) return false;
  const given = Buffer.from(header);
  return urlVariants(url).some((u) => {
    const expected = Buffer.from(twilioSignature(authToken, u, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
