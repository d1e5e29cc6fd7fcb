import type { LightMyRequestResponse } from 'fastify';

/**
 * What a browser's cookie jar does with a response, for HTTP tests through `app.inject`:
 * stores each Set-Cookie, and forgets a cookie that is cleared (empty, expired or Max-Age=0).
 */
export function keepCookies(jar: Map<string, string>, res: LightMyRequestResponse): void {
  const raw = res.headers['set-cookie'];
  for (const c of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}
