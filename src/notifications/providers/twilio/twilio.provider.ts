/**
 * SMS and voice through Twilio's REST API (2010-04-01), with plain `fetch`:
 *   POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json  To, From, Body, StatusCallback
 *   POST {base}/2010-04-01/Accounts/{AccountSid}/Calls.json     To, From, Twiml, StatusCallback, StatusCallbackEvent
 * form-encoded, HTTP Basic auth (AccountSid:AuthToken); 201 with the resource's `sid`.
 *
 * Twilio takes no idempotency key. Two things narrow the duplicate window instead: the
 * StatusCallback URL carries our message id, so a receipt for a message whose worker died
 * is matched to it; and before re-sending a message whose previous attempt's outcome is
 * unknown, `findSent` lists the recent messages to that number and matches the body.
 */
import { PermanentError, TransientError } from '../types.ts';
import type { OutgoingMessage, Provider, SendResult } from '../types.ts';
import { smsRequest, voiceRequest } from '../requests.ts';
import type { DeliveryEvent } from '../../../persisted.ts';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  fromNumber: string;
  /** https://api.twilio.com, or a local server in tests. */
  apiBase: string;
  voiceAudioBaseUrl: string | null;
  /** Request timeout. Default 15 s. */
  timeoutMs?: number;
}

/** Error codes that say the number itself cannot take messages (Twilio error dictionary). */
const UNDELIVERABLE_CODES = new Set([21211, 21214, 21217, 21401, 21407, 21612, 21614, 13223, 13224, 30005, 30006]);
/** The recipient replied STOP to the carrier or to Twilio: the number has opted out. */
const OPTED_OUT_CODES = new Set([21610]);

export function twilioProvider(options: TwilioOptions): Provider {
  const base = `${options.apiBase}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}`;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: auth, accept: 'application/json', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Refused before anything was sent is safe to retry; a timeout or a reset may not be.
      const refused = (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
      throw new TransientError('Twilio unreachable', { code: refused ? 'twilio_unreachable' : 'twilio_network', ambiguous: !refused, cause: err });
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return body;
    throw classifyTwilioError(res.status, body, res.headers.get('retry-after'));
  }

  return {
    name: 'twilio',
    transactional: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (message.channel === 'email') throw new PermanentError('Twilio does not send email', { code: 'wrong_channel', contact: null });
      let form: Record<string, string>;
      try {
        form = message.channel === 'voice'
          ? { ...voiceRequest(message, options.fromNumber, options.voiceAudioBaseUrl) }
          : { ...smsRequest(message, options.fromNumber) };
      } catch (err) {
        throw new PermanentError((err as Error).message, { code: 'unsendable', contact: null, cause: err });
      }
      const body = await call('POST', message.channel === 'voice' ? '/Calls.json' : '/Messages.json', form);
      if (typeof body.sid !== 'string') throw new TransientError('Twilio answered without a sid', { code: 'twilio_no_sid', ambiguous: true });
      return { providerMessageId: body.sid };
    },
    async findSent(message: OutgoingMessage, since: Date): Promise<SendResult | null> {
      if (message.channel !== 'sms' || message.content.sms === undefined) return null;
      const q = new URLSearchParams({ To: message.to, From: options.fromNumber, PageSize: '50' });
      const body = await call('GET', `/Messages.json?${q.toString()}`);
      const list = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown>>) : [];
      const found = list.find((m) => m.body === message.content.sms && typeof m.sid === 'string'
        && Date.parse(String(m.date_created)) >= since.getTime() - 60_000);
      return found ? { providerMessageId: found.sid as string } : null;
    },
  };
}

export function classifyTwilioError(status: number, body: Record<string, unknown>, retryAfter: string | null): TransientError | PermanentError {
  const code = typeof body.code === 'number' ? body.code : Number(body.code);
  const label = Number.isFinite(code) ? `twilio_${code}` : `twilio_http_${status}`;
  if (status === 429 || code === 20429) {
    const seconds = Number(retryAfter);
    return new TransientError('Twilio rate limit', { code: label, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null });
  }
  // 5xx: the resource may have been created before the error; 401/403: a configuration problem an operator fixes.
  if (status >= 500) return new TransientError(`Twilio HTTP ${status}`, { code: label, ambiguous: true });
  if (status === 401 || status === 403) return new TransientError(`Twilio HTTP ${status}`, { code: label });
  if (OPTED_OUT_CODES.has(code)) return new PermanentError('recipient opted out', { code: label, contact: 'opted_out' });
  if (UNDELIVERABLE_CODES.has(code)) return new PermanentError('number cannot receive', { code: label, contact: 'undeliverable' });
  return new PermanentError(`Twilio HTTP ${status}`, { code: label, contact: null });
}

/** A status callback, normalised. `event` is null for interim states (queued, ringing…). */
export interface TwilioStatus {
  providerMessageId: string;
  event: DeliveryEvent | null;
  errorCode: string | null;
  /** Set when the error says the number cannot take messages, or has opted out. */
  contact: 'undeliverable' | 'opted_out' | null;
}

/** Reads a Twilio SMS or voice status callback (form fields). Null when it is neither. */
export function parseTwilioStatus(params: Readonly<Record<string, string>>): TwilioStatus | null {
  const errorCode = params.ErrorCode && params.ErrorCode !== '' ? params.ErrorCode : null;
  const numeric = errorCode === null ? NaN : Number(errorCode);
  const contact = OPTED_OUT_CODES.has(numeric) ? 'opted_out' : UNDELIVERABLE_CODES.has(numeric) ? 'undeliverable' : null;
  if (params.MessageSid && params.MessageStatus) {
    const s = params.MessageStatus;
    const event: DeliveryEvent | null = s === 'sent' ? 'sent'
      : s === 'delivered' || s === 'read' ? 'delivered'
        : s === 'undelivered' ? 'undelivered'
          : s === 'failed' ? 'failed' : null;
    return { providerMessageId: params.MessageSid, event, errorCode, contact };
  }
  if (params.CallSid && params.CallStatus) {
    const s = params.CallStatus;
    const event: DeliveryEvent | null = s === 'completed' ? 'delivered'
      : s === 'busy' || s === 'no-answer' || s === 'canceled' ? 'undelivered'
        : s === 'failed' ? 'failed' : null;
    return { providerMessageId: params.CallSid, event, errorCode, contact };
  }
  return null;
}
