/**
 * HTTP routes of the notifications domain:
 *   POST /webhooks/twilio/sms       inbound texts (STOP, START, YES, HELP…), X-Twilio-Signature verified
 *   POST /webhooks/twilio/status    SMS and voice delivery receipts, X-Twilio-Signature verified
 *   POST /webhooks/email/bounce     email bounces and complaints, HMAC-SHA256 signed JSON
 *   GET  /unsubscribe/:token        confirm page of the email unsubscribe link
 *   POST /unsubscribe/:token        RFC 8058 one-click unsubscribe (no login)
 *   GET  /api/v1/notifications/outbox     what the outbox provider "sent" (state key)
 *   GET  /api/v1/notifications/messages   messages with their status and error (state key)
 *
 * Webhooks verify their signature over the exact bytes received, so this module parses
 * its own bodies in an encapsulated context. An unsigned or wrongly signed request is
 * refused with 403 and changes nothing. Signatures are cheap to check, so webhooks are
 * exempt from the per-client rate limit (Twilio sends from a few addresses in bursts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.ts';
import { AppError } from '../errors.ts';
import { requireApiKey } from '../auth/api-keys.ts';
import { appSecret } from '../auth/secret.ts';
import { CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES, isLanguage } from '../persisted.ts';
import type { Channel, Language, MessageKind, MessageStatus } from '../persisted.ts';
import { verifyTwilioSignature } from './providers/twilio/signature.ts';
import { parseTwilioStatus } from './providers/twilio/twilio.provider.ts';
import { handleInboundSms } from './replies.service.ts';
import {
  EMAIL_SIGNATURE_HEADER, EMAIL_TIMESTAMP_HEADER, handleEmailFeedback, handleTwilioStatus, verifyEmailWebhook,
} from './feedback.service.ts';
import type { EmailFeedbackEvent } from './feedback.service.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';
import { optOut } from '../subscriptions/consent.service.ts';
import { unsubscribeConfirmPage, unsubscribeDonePage, unsubscribeInvalidPage } from './unsubscribe.page.ts';
import { listMessages, listOutbox, messageCounts } from './messages.repository.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { basic: [] }];

const rawBodies = new WeakMap<FastifyRequest, string>();

/** Form fields as Twilio signs them: one string per name, or all values of a repeated name. */
function formParams(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export async function notificationsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await app.register(async (scope) => {
    for (const type of [FORM, JSON_TYPE]) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 64 * 1024 }, (req, body, done) => {
      rawBodies.set(req, body as string);
      done(null, formParams(body as string));
    });
    scope.addContentTypeParser(JSON_TYPE, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (req, body, done) => {
      rawBodies.set(req, body as string);
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new AppError(400, 'invalid_json', 'The body is not valid JSON.'), undefined);
      }
    });
    // RFC 8058 lets mail clients POST the one-click body as multipart/form-data; the token alone decides.
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, _body, done) => done(null, {}));
    }
    await webhookRoutes(scope, rt);
    await unsubscribeRoutes(scope, rt);
  });
  await apiRoutes(app, rt);
}

/** Verifies X-Twilio-Signature over our public URL of this request; throws 403 otherwise. */
function requireTwilioSignature(rt: Runtime, req: FastifyRequest, params: Record<string, string | string[]>): void {
  const token = rt.config.notifications.twilio.authToken;
  const header = req.headers['x-twilio-signature'];
  const url = `${rt.config.publicUrl}${req.url}`;
  if (token === null || typeof header !== 'string' || !verifyTwilioSignature(token, header, url, params)) {
    throw new AppError(403, 'bad_signature', 'The request signature is missing or wrong.');
  }
}

async function webhookRoutes(scope: FastifyInstance, rt: Runtime): Promise<void> {
  const twilioSchema = { tags: ['webhooks'], consumes: [FORM], hide: false };

  scope.post('/webhooks/twilio/sms', {
    config: { rateLimit: false },
    schema: { ...twilioSchema, summary: 'Twilio inbound SMS webhook (STOP, START, YES, HELP and the same in ten languages)' },
  }, async (req, reply) => {
    const params = (req.body ?? {}) as Record<string, string | string[]>;
    requireTwilioSignature(rt, req, params);
    const sid = first(params.MessageSid) ?? first(params.SmsSid);
    const from = first(params.From);
    if (!sid || !from) throw new AppError(400, 'invalid_request', 'MessageSid and From are required.');
    await handleInboundSms(rt, { provider: 'twilio', providerMessageId: sid, from, to: first(params.To) ?? null, body: first(params.Body) ?? '' });
    return reply.type('text/xml').send(EMPTY_TWIML);
  });

  scope.post<{ Querystring: { m?: string } }>('/webhooks/twilio/status', {
    config: { rateLimit: false },
    schema: { ...twilioSchema, summary: 'Twilio SMS and voice status callback', querystring: { type: 'object', properties: { m: { type: 'string', maxLength: 20 } } } },
  }, async (req, reply) => {
    const params = (req.body ?? {}) as Record<string, string | string[]>;
    requireTwilioSignature(rt, req, params);
    const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v) ?? '']));
    const status = parseTwilioStatus(flat);
    if (!status) throw new AppError(400, 'invalid_request', 'Not a message or call status.');
    await handleTwilioStatus(rt, req.query.m ?? null, status);
    return reply.status(204).send();
  });

  scope.post<{ Body: { events: EmailFeedbackEvent[] } }>('/webhooks/email/bounce', {
    config: { rateLimit: false },
    schema: {
      tags: ['webhooks'],
      summary: 'Email delivery feedback: bounces and complaints (HMAC-SHA256 signed, see docs/notifications.md)',
      body: {
        type: 'object', required: ['events'],
        properties: {
          events: {
            type: 'array', maxItems: 1000,
            items: {
              type: 'object', required: ['type'],
              properties: {
                type: { type: 'string', enum: ['delivered', 'bounce', 'complaint'] },
                bounceType: { type: 'string', enum: ['hard', 'soft'] },
                email: { type: 'string', maxLength: 320 },
                messageId: { type: 'string', maxLength: 300 },
                diagnostic: { type: 'string', maxLength: 2000 },
              },
            },
          },
        },
      },
    },
    // Checked before the body is validated: an unsigned request learns nothing.
    preValidation: async (req) => {
      const secret = rt.config.notifications.emailWebhookSecret;
      const sig = req.headers[EMAIL_SIGNATURE_HEADER];
      const ts = req.headers[EMAIL_TIMESTAMP_HEADER];
      const raw = rawBodies.get(req) ?? '';
      if (secret === null || typeof sig !== 'string' || typeof ts !== 'string' || !verifyEmailWebhook(secret, sig, ts, raw, rt.clock.now())) {
        throw new AppError(403, 'bad_signature', 'The request signature is missing, wrong or too old.');
      }
    },
  }, async (req) => handleEmailFeedback(rt, req.body.events));
}

async function unsubscribeRoutes(scope: FastifyInstance, rt: Runtime): Promise<void> {
  const params = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 100 } } } as const;
  const languageOf = async (subscriptionId: string): Promise<Language> => {
    const { rows } = await rt.db.pool.query<{ language: string }>('SELECT language FROM subscriptions WHERE id = $1', [subscriptionId]);
    const l = rows[0]?.language;
    return isLanguage(l) ? l : 'en';
  };

  scope.get<{ Params: { token: string } }>('/unsubscribe/:token', {
    schema: { tags: ['voters'], summary: 'Confirm page of the unsubscribe link in every email', params },
  }, async (req, reply) => {
    const secret = await appSecret(rt.config);
    const t = readUnsubscribeToken(secret, req.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!t) return reply.status(404).send(unsubscribeInvalidPage('en'));
    return reply.send(unsubscribeConfirmPage(await languageOf(t.subscriptionId), `/unsubscribe/${req.params.token}`));
  });

  scope.post<{ Params: { token: string } }>('/unsubscribe/:token', {
    schema: { tags: ['voters'], summary: 'RFC 8058 one-click unsubscribe: POST List-Unsubscribe=One-Click, no login', params },
  }, async (req, reply) => {
    const secret = await appSecret(rt.config);
    const t = readUnsubscribeToken(secret, req.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!t) return reply.status(404).send(unsubscribeInvalidPage('en'));
    // Idempotent: a second POST (mail clients may retry) finds the channel already opted out.
    await rt.db.tx((client) => optOut(client, t.subscriptionId, t.channel, 'email_unsubscribe', 'voter', rt.clock.now()));
    return reply.send(unsubscribeDonePage(await languageOf(t.subscriptionId)));
  });
}

async function apiRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const stateKey = requireApiKey(rt.db.pool, { scope: 'state' });

  app.get<{ Querystring: { voterId?: string; channel?: Channel; kind?: MessageKind; afterId?: string; limit?: number } }>('/api/v1/notifications/outbox', {
    preHandler: stateKey,
    schema: {
      tags: ['notifications'], security: SECURITY,
      summary: 'What the outbox provider stored, oldest first (the exact provider requests)',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          voterId: { type: 'string', maxLength: 40 }, channel: { type: 'string', enum: [...CHANNELS] }, kind: { type: 'string', enum: [...MESSAGE_KINDS] },
          afterId: { type: 'string', pattern: '^[0-9]{1,18}$' }, limit: { type: 'integer', minimum: 1, maximum: 1000 },
        },
      },
    },
  }, async (req) => ({ entries: await listOutbox(rt.db.pool, req.query) }));

  app.get<{ Querystring: { voterId?: string; status?: MessageStatus; limit?: number } }>('/api/v1/notifications/messages', {
    preHandler: stateKey,
    schema: {
      tags: ['notifications'], security: SECURITY,
      summary: 'Messages, newest first, with status, reason and error; and counts by status',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { voterId: { type: 'string', maxLength: 40 }, status: { type: 'string', enum: [...MESSAGE_STATUSES] }, limit: { type: 'integer', minimum: 1, maximum: 1000 } },
      },
    },
  }, async (req) => ({ counts: await messageCounts(rt.db.pool), messages: await listMessages(rt.db.pool, req.query) }));
}
