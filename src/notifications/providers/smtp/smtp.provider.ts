/**
 * Email over SMTP with nodemailer (a pooled transport). The Message-ID is derived from
 * the message key, so a retried send carries the same Message-ID. SMTP has no
 * idempotency: see docs/notifications.md, "Duplicate window".
 *
 * Errors: a 5xx reply is permanent — about the address (undeliverable) when its enhanced
 * status is 5.1.x or 5.2.1, about this message otherwise; a 4xx reply and any connection
 * trouble are transient. A connection lost after the message data was sent is ambiguous.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { emailRequest } from '../requests.ts';
import { PermanentError, TransientError } from '../types.ts';
import type { OutgoingMessage, Provider, SendResult } from '../types.ts';

export interface SmtpOptions {
  url: string;
  from: string;
  /** Parallel connections of the pool. Default 5. */
  maxConnections?: number;
}

export function smtpProvider(options: SmtpOptions): Provider {
  const transport: Transporter = nodemailer.createTransport(options.url, {
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as object);
  return {
    name: 'smtp',
    transactional: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      let req;
      try {
        req = emailRequest(message, options.from);
      } catch (err) {
        throw new PermanentError((err as Error).message, { code: 'unsendable', contact: null, cause: err });
      }
      try {
        const info = await transport.sendMail({
          from: req.from,
          to: req.to,
          subject: req.subject,
          text: req.text,
          html: req.html,
          messageId: req.messageId,
          headers: req.headers,
        });
        return { providerMessageId: (info.messageId as string | undefined) ?? req.messageId };
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

interface NodemailerError { code?: string; responseCode?: number; response?: string; command?: string; message?: string }

export function classifySmtpError(err: unknown): TransientError | PermanentError {
  const e = (err ?? {}) as NodemailerError;
  const code = e.responseCode;
  if (typeof code === 'number' && code >= 500 && code < 600) {
    const enhanced = /\b5\.(\d{1,3})\.(\d{1,3})\b/.exec(e.response ?? '');
    const aboutAddress = enhanced !== null && (enhanced[1] === '1' || (enhanced[1] === '2' && enhanced[2] === '1'));
    return new PermanentError(`SMTP ${code}`, { code: `smtp_${code}`, contact: aboutAddress || (code === 550 && enhanced === null) ? 'undeliverable' : null, cause: err });
  }
  if (typeof code === 'number' && code >= 400 && code < 500) return new TransientError(`SMTP ${code}`, { code: `smtp_${code}`, cause: err });
  // No SMTP reply: the connection failed. After DATA was sent the server may have taken it.
  const ambiguous = e.command === 'DATA' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET';
  return new TransientError(`SMTP connection: ${e.code ?? 'error'}`, { code: `smtp_${(e.code ?? 'error').toLowerCase()}`, ambiguous, cause: err });
}
