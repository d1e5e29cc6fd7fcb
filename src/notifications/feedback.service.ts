/**
 * What providers report after a hand-off: Twilio SMS and voice status callbacks, and
 * email bounces and complaints (a signed JSON webhook, see docs/notifications.md).
 * Every report is kept in delivery_events; the message's status follows it, and what it
 * says about the address changes the contact:
 *   - email hard bounce → channel 'undeliverable' + do-not-contact ('hard_bounce');
 *   - email soft bounce → counted; at BALLOTLINE_SOFT_BOUNCE_LIMIT in a row, 'undeliverable';
 *   - email complaint (marked as spam) → 'opted_out' + do-not-contact ('complaint');
 *   - a Twilio error meaning the number cannot take texts → 'undeliverable'; one meaning
 *     the recipient opted out at the carrier → 'opted_out' + do-not-contact.
 * A receipt for a message still 'sending' (its worker died after the hand-off) records the
 * provider's id and marks it sent: this is what keeps a recovered message from going twice.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { Runtime } from '../runtime.ts';
import type { Channel, DeliveryEvent } from '../persisted.ts';
import { addDoNotContact, changeChannelConsent, countSoftBounce, resetSoftBounces } from './consent.repository.ts';
import type { TwilioStatus } from './providers/twilio/twilio.provider.ts';
import { optOutByAddress } from '../subscriptions/consent.service.ts';

interface MessageRef { id: string; channel: Channel; address: string; status: string; providerMessageId: string | null }

async function findMessage(client: pg.PoolClient, byId: string | null, providerMessageId: string | null): Promise<MessageRef | null> {
  const { rows } = await client.query<{ id: string; channel: Channel; address: string; status: string; provider_message_id: string | null }>(
    `SELECT id::text AS id, channel, address, status, provider_message_id FROM messages
     WHERE ($1::bigint IS NOT NULL AND id = $1 AND (provider_message_id IS NULL OR provider_message_id = $2))
        OR ($1::bigint IS NULL AND provider_message_id = $2)
     ORDER BY id LIMIT 1 FOR UPDATE`,
    [byId !== null && /^\d{1,18}$/.test(byId) ? byId : null, providerMessageId],
  );
  const r = rows[0];
  return r ? { id: r.id, channel: r.channel, address: r.address, status: r.status, providerMessageId: r.provider_message_id } : null;
}

async function recordEvent(client: pg.PoolClient, e: { messageId: string | null; provider: string; providerMessageId: string | null; event: DeliveryEvent; address: string | null; errorCode: string | null; details: object; now: Date }): Promise<void> {
  await client.query(
    `INSERT INTO delivery_events (message_id, provider, provider_message_id, event, address, error_code, details, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.messageId, e.provider, e.providerMessageId, e.event, e.address, e.errorCode, JSON.stringify(e.details), e.now],
  );
}

/** Moves the message's status along what the provider reported (never backwards). */
async function applyToMessage(client: pg.PoolClient, m: MessageRef, event: DeliveryEvent, providerMessageId: string | null, reason: string | null, now: Date): Promise<void> {
  if (event === 'sent') {
    await client.query(
      `UPDATE messages SET status = 'sent', provider_message_id = COALESCE(provider_message_id, $2), sent_at = COALESCE(sent_at, $3),
              lease_until = NULL, updated_at = $3 WHERE id = $1 AND status = 'sending'`,
      [m.id, providerMessageId, now],
    );
  } else if (event === 'delivered') {
    await client.query(
      `UPDATE messages SET status = 'delivered', provider_message_id = COALESCE(provider_message_id, $2), sent_at = COALESCE(sent_at, $3),
              delivered_at = $3, lease_until = NULL, updated_at = $3 WHERE id = $1 AND status IN ('sending', 'sent')`,
      [m.id, providerMessageId, now],
    );
  } else {
    await client.query(
      `UPDATE messages SET status = 'failed', status_reason = $4, provider_message_id = COALESCE(provider_message_id, $2),
              failed_at = $3, lease_until = NULL, updated_at = $3 WHERE id = $1 AND status IN ('sending', 'sent', 'delivered')`,
      [m.id, providerMessageId, now, reason],
    );
  }
}

/** A Twilio status callback (already verified). `messageId` is the `m` query parameter we put in the callback URL. */
export async function handleTwilioStatus(rt: Runtime, messageId: string | null, status: TwilioStatus): Promise<'recorded' | 'ignored' | 'unknown_message'> {
  if (status.event === null) return 'ignored';
  const event = status.event;
  const now = rt.clock.now();
  return rt.db.tx(async (client) => {
    const m = await findMessage(client, messageId, status.providerMessageId);
    await recordEvent(client, { messageId: m?.id ?? null, provider: 'twilio', providerMessageId: status.providerMessageId, event, address: m?.address ?? null, errorCode: status.errorCode, details: {}, now });
    if (!m) return 'unknown_message';
    await applyToMessage(client, m, event, status.providerMessageId, status.errorCode ? `${event}:${status.errorCode}` : event, now);
    if (status.contact === 'undeliverable') {
      await changeChannelConsent(client, { address: m.address, channels: [m.channel], fromStates: ['active', 'pending'], to: 'undeliverable', source: 'delivery_failure', actor: 'twilio', details: { code: status.errorCode, messageId: m.id }, now });
    } else if (status.contact === 'opted_out') {
      await optOutByAddress(client, m.address, 'sms', 'sms_keyword', `twilio:${status.errorCode}`, now);
      await addDoNotContact(client, m.address, 'phone', 'carrier_opt_out', 'twilio', now);
    }
    return 'recorded';
  });
}

// ---------------------------------------------------------------- email feedback webhook

/**
 * One email feedback event. `messageId` is the Message-ID header we sent (it identifies the
 * message); `email` the recipient. At least one of them is needed.
 */
export interface EmailFeedbackEvent {
  type: 'delivered' | 'bounce' | 'complaint';
  /** For bounces: 'hard' (permanent: no such mailbox) or 'soft' (temporary: mailbox full…). */
  bounceType?: 'hard' | 'soft';
  email?: string;
  messageId?: string;
  /** Free-form diagnostic (e.g. the SMTP reply); kept, never shown to voters. */
  diagnostic?: string;
}

export const EMAIL_SIGNATURE_HEADER = 'x-ballotline-signature';
export const EMAIL_TIMESTAMP_HEADER = 'x-ballotline-timestamp';
/** Requests signed longer ago than this (or this far in the future) are refused: replays. */
export const EMAIL_SIGNATURE_TOLERANCE_SECONDS = 300;

/** `v1=` + hex HMAC-SHA256(secret, `<timestamp>.<raw body>`). */
export function emailWebhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function verifyEmailWebhook(secret: string, header: string | undefined, timestamp: string | undefined, rawBody: string, now: Date): boolean {
  if (!header || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > EMAIL_SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(emailWebhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface EmailFeedbackResult { recorded: number; undeliverable: number; optedOut: number }

export async function handleEmailFeedback(rt: Runtime, events: readonly EmailFeedbackEvent[]): Promise<EmailFeedbackResult> {
  const now = rt.clock.now();
  const result: EmailFeedbackResult = { recorded: 0, undeliverable: 0, optedOut: 0 };
  await rt.db.tx(async (client) => {
    for (const e of events) {
      const m = e.messageId ? await findMessage(client, null, e.messageId) : null;
      const email = (m?.address ?? e.email ?? '').trim().toLowerCase();
      if (email === '') continue;
      const event: DeliveryEvent = e.type === 'delivered' ? 'delivered' : e.type === 'complaint' ? 'complaint' : e.bounceType === 'soft' ? 'soft_bounce' : 'hard_bounce';
      await recordEvent(client, { messageId: m?.id ?? null, provider: 'smtp', providerMessageId: e.messageId ?? null, event, address: email, errorCode: null, details: e.diagnostic ? { diagnostic: e.diagnostic.slice(0, 500) } : {}, now });
      result.recorded++;
      if (event === 'delivered') {
        if (m) await applyToMessage(client, m, 'delivered', null, null, now);
        await resetSoftBounces(client, email);
        continue;
      }
      if (m && event !== 'complaint') await applyToMessage(client, m, 'failed', null, event, now);
      const details = { messageId: m?.id ?? null, event };
      if (event === 'complaint') {
        result.optedOut += (await optOutByAddress(client, email, 'email', 'complaint', 'email_feedback', now)).length;
        await addDoNotContact(client, email, 'email', 'complaint', 'email_feedback', now);
      } else if (event === 'hard_bounce' || (await countSoftBounce(client, email, now)) >= rt.config.notifications.softBounceLimit) {
        result.undeliverable += (await changeChannelConsent(client, { address: email, channels: ['email'], fromStates: ['active', 'pending'], to: 'undeliverable', source: 'bounce', actor: 'email_feedback', details, now })).length;
        if (event === 'hard_bounce') await addDoNotContact(client, email, 'email', 'hard_bounce', 'email_feedback', now);
      }
    }
  });
  return result;
}
