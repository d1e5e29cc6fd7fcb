/**
 * Signed one-click unsubscribe tokens (RFC 8058): `<subscriptionId>.<channel>.<mac>`,
 * mac = the first 128 bits of HMAC-SHA256(app secret, "unsubscribe:<id>:<channel>"),
 * base64url. The token is the whole authority: no login, no expiry (an old email's
 * link must still work). Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHANNELS } from '../persisted.ts';
import type { Channel } from '../persisted.ts';

function mac(secret: string, subscriptionId: string, channel: Channel): string {
  return createHmac('sha256', secret).update(`unsubscribe:${subscriptionId}:${channel}`).digest().subarray(0, 16).toString('base64url');
}

export function unsubscribeToken(secret: string, subscriptionId: string, channel: Channel): string {
  return `${subscriptionId}.${channel}.${mac(secret, subscriptionId, channel)}`;
}

/** The subscription and channel a token names, or null when it is malformed or not ours. */
export function readUnsubscribeToken(secret: string, token: string): { subscriptionId: string; channel: Channel } | null {
  const m = /^(\d{1,18})\.([a-z]+)\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const [, subscriptionId, channel, given] = m as unknown as [string, string, Channel, string];
  if (!(CHANNELS as readonly string[]).includes(channel)) return null;
  const expected = Buffer.from(mac(secret, subscriptionId, channel));
  const got = Buffer.from(given);
  return expected.length === got.length && timingSafeEqual(expected, got) ? { subscriptionId, channel } : null;
}
