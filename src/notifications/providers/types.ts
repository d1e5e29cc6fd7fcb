/**
 * The small interface every delivery provider implements (outbox, SMTP, Twilio).
 * A provider hands one rendered message to the outside world and says what
 * happened: a provider message id, or a TransientError (try again later) or a
 * PermanentError (never again to this address). Webhook parsing lives beside
 * each provider and returns normalised DeliveryEvents.
 */
import type pg from 'pg';
import type { Channel, Language, MessageKind, ProviderName } from '../../persisted.ts';

/** What a message says, stored at render time (messages.content). */
export interface MessageContent {
  subject?: string;
  text?: string;
  html?: string;
  sms?: string;
  voice?: string;
}

/** One message ready for hand-off. Carries ids, never anything the provider does not need. */
export interface OutgoingMessage {
  /** messages.id */
  id: string;
  /** The idempotency key (messages.key); SMTP derives the Message-ID from it. */
  key: string;
  kind: MessageKind;
  channel: Channel;
  /** E.164 phone or lower-case email. */
  to: string;
  language: Language;
  voterId: string | null;
  content: MessageContent;
  /** One-click unsubscribe URL (RFC 8058), email only. */
  unsubscribeUrl: string | null;
  /** Where the provider reports delivery status (Twilio StatusCallback). */
  statusCallbackUrl: string;
}

export interface SendResult {
  providerMessageId: string;
}

export interface SendContext {
  /** The transaction that marks the message sent (transactional providers only; null for the others). */
  client: pg.PoolClient | null;
  /** The runtime clock's now. */
  now: Date;
}

export interface Provider {
  readonly name: ProviderName;
  /**
   * True when `send` writes into `ctx.client`: the hand-off then commits or rolls back
   * together with the message's 'sent' status, so it happens exactly once (the outbox).
   * False for providers across a network: see docs/notifications.md, "Duplicate window".
   */
  readonly transactional: boolean;
  send(message: OutgoingMessage, ctx: SendContext): Promise<SendResult>;
  /**
   * Transactional providers: the provider message id a hand-off will get, known before it, so
   * that claiming the row and marking it sent is one statement.
   */
  handOffId?(message: Pick<OutgoingMessage, 'id'>): string;
  /**
   * Transactional providers may hand off many messages in one statement. Returns one result
   * per message, in order: a SendResult, or the PermanentError that message met.
   */
  sendBatch?(messages: readonly OutgoingMessage[], ctx: SendContext): Promise<Array<SendResult | PermanentError>>;
  /**
   * Asks the provider whether a message was already accepted since `since` (a worker may have
   * died after the hand-off, before recording it). Null when it finds none. Providers that
   * cannot tell leave this out.
   */
  findSent?(message: OutgoingMessage, since: Date): Promise<SendResult | null>;
  close?(): Promise<void>;
}

/** Try again later: network trouble, rate limiting, a provider outage. */
export class TransientError extends Error {
  /** The request may have reached the provider (e.g. a timeout after sending): check `findSent` before retrying. */
  readonly ambiguous: boolean;
  /** The provider asked us to wait at least this long. */
  readonly retryAfterMs: number | null;
  readonly code: string;
  constructor(message: string, options: { code?: string; ambiguous?: boolean; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TransientError';
    this.code = options.code ?? 'transient';
    this.ambiguous = options.ambiguous ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * Never again to this address with this content: invalid number, hard bounce, the
 * recipient blocked us. `contact` says what the address becomes: 'undeliverable'
 * (invalid, hard bounce), 'opted_out' (the carrier reports the recipient opted out),
 * or null (this message is at fault, not the address).
 */
export class PermanentError extends Error {
  readonly code: string;
  readonly contact: 'undeliverable' | 'opted_out' | null;
  constructor(message: string, options: { code: string; contact: 'undeliverable' | 'opted_out' | null; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PermanentError';
    this.code = options.code;
    this.contact = options.contact;
  }
}
