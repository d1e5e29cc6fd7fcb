/**
 * The built-in provider and zero-config default: stores exactly the request SMTP or
 * Twilio would have received in table `outbox`, inside the transaction that marks the
 * message sent. Hand-off and status commit together, so every message lands exactly
 * once (outbox.message_id is also UNIQUE). The console reads it with `listOutbox`.
 */
import type { Channel } from '../../../persisted.ts';
import { emailRequest, smsRequest, voiceRequest } from '../requests.ts';
import { PermanentError } from '../types.ts';
import type { OutgoingMessage, Provider, SendContext, SendResult } from '../types.ts';

export interface OutboxOptions {
  emailFrom: string;
  /** The number texts and calls would come from ('outbox' when no Twilio number is configured). */
  phoneFrom: string;
  voiceAudioBaseUrl: string | null;
}

const handOffId = (message: Pick<OutgoingMessage, 'id'>): string => `outbox-${message.id}`;

export function outboxProvider(options: OutboxOptions): Provider {
  const sendBatch = async (messages: readonly OutgoingMessage[], ctx: SendContext): Promise<Array<SendResult | PermanentError>> => {
    if (ctx.client === null) throw new RangeError('the outbox writes inside the transaction that marks the message sent');
    const results: Array<SendResult | PermanentError> = [];
    const rows: Array<{ message: OutgoingMessage; subject: string | null; body: string; payload: string; index: number }> = [];
    messages.forEach((message, index) => {
      try {
        const e = outboxEntry(message, options);
        rows.push({ message, subject: e.subject, body: e.body, payload: JSON.stringify(e.payload), index });
      } catch (err) {
        results[index] = new PermanentError((err as Error).message, { code: 'unsendable', contact: null, cause: err });
      }
    });
    if (rows.length > 0) {
      const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
      await ctx.client.query(
        `INSERT INTO outbox (message_id, channel, address, voter_id, kind, language, subject, body, payload, created_at)
         SELECT *, $10::timestamptz FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
        [col((r) => r.message.id), col((r) => r.message.channel), col((r) => r.message.to), col((r) => r.message.voterId), col((r) => r.message.kind),
          col((r) => r.message.language), col((r) => r.subject), col((r) => r.body), col((r) => r.payload), ctx.now],
      );
      for (const r of rows) results[r.index] = { providerMessageId: handOffId(r.message) };
    }
    return results;
  };
  return {
    name: 'outbox',
    transactional: true,
    handOffId,
    sendBatch,
    async send(message: OutgoingMessage, ctx: SendContext): Promise<SendResult> {
      const [r] = await sendBatch([message], ctx);
      if (r instanceof PermanentError) throw r;
      return r!;
    },
  };
}

/** The outbox row of a message: what a person reads, and the exact provider request. */
export function outboxEntry(message: OutgoingMessage, options: OutboxOptions): { subject: string | null; body: string; payload: object } {
  const channel: Channel = message.channel;
  switch (channel) {
    case 'email': {
      const req = emailRequest(message, options.emailFrom);
      return { subject: req.subject, body: req.text, payload: req };
    }
    case 'sms': {
      const req = smsRequest(message, options.phoneFrom);
      return { subject: null, body: req.Body, payload: req };
    }
    case 'voice': {
      const req = voiceRequest(message, options.phoneFrom, options.voiceAudioBaseUrl);
      return { subject: null, body: message.content.voice!, payload: req };
    }
  }
}
