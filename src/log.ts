import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

/**
 * Structured JSON logs. Personal data never goes into a log line: the redact list
 * covers the fields that carry it wherever they appear in a logged object.
 */
export function createLogger(level: LogLevel, name = 'ballotline'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'firstName', 'lastName', 'dob', 'email', 'phone', 'address', 'password', 'token',
        '*.firstName', '*.lastName', '*.dob', '*.email', '*.phone', '*.address', '*.password', '*.token',
        'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  });
}
