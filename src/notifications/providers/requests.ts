/**
 * The exact request each channel hands to its provider, built in one place so the
 * outbox stores what SMTP or Twilio would have received, byte for byte. Pure.
 */
import { createHash } from 'node:crypto';
import type { OutgoingMessage } from './types.ts';
import { voiceTwiml } from './twilio/twiml.ts';
import type { Language } from '../../persisted.ts';

export interface EmailRequest {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message: a retried send carries the same Message-ID, which receivers may use to drop a duplicate. */
  messageId: string;
  headers: Record<string, string>;
}

/** `<…@host>` built from the message key: stable across retries, and valid as an RFC 5322 msg-id. */
export function emailMessageId(key: string, from: string): string {
  const host = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const readable = key.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+/g, '.').replace(/^\.+|\.+$/g, '').slice(0, 120);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `<${readable}.${hash}@${host}>`;
}

/**
 * The email: text and HTML parts, List-Unsubscribe with List-Unsubscribe-Post (RFC 8058
 * one-click: a POST with `List-Unsubscribe=One-Click` unsubscribes, no login), and the
 * message language in Content-Language.
 */
export function emailRequest(message: OutgoingMessage, from: string): EmailRequest {
  const { subject, text, html } = message.content;
  if (subject === undefined || text === undefined || html === undefined) throw new RangeError(`message ${message.id}: email content is incomplete`);
  if (message.unsubscribeUrl === null) throw new RangeError(`message ${message.id}: an email needs an unsubscribe URL`);
  return {
    from,
    to: message.to,
    subject,
    text,
    html,
    messageId: emailMessageId(message.key, from),
    headers: {
      'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Content-Language': message.language,
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** Twilio Messages API form fields (POST /2010-04-01/Accounts/{Sid}/Messages.json). */
export interface SmsRequest { To: string; From: string; Body: string; StatusCallback: string }

export function smsRequest(message: OutgoingMessage, from: string): SmsRequest {
  if (message.content.sms === undefined) throw new RangeError(`message ${message.id}: no SMS text`);
  return { To: message.to, From: from, Body: message.content.sms, StatusCallback: message.statusCallbackUrl };
}

/** Twilio Calls API form fields (POST /2010-04-01/Accounts/{Sid}/Calls.json). */
export interface VoiceRequest { To: string; From: string; Twiml: string; StatusCallback: string; StatusCallbackEvent: string }

export function voiceRequest(message: OutgoingMessage, from: string, audioBaseUrl: string | null): VoiceRequest {
  if (message.content.voice === undefined) throw new RangeError(`message ${message.id}: no voice text`);
  return {
    To: message.to,
    From: from,
    Twiml: voiceTwiml({ kind: message.kind, language: message.language as Language, text: message.content.voice, audioBaseUrl }),
    StatusCallback: message.statusCallbackUrl,
    StatusCallbackEvent: 'completed',
  };
}
