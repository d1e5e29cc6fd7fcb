/**
 * The one error type of the project. `code` is stable and machine-readable,
 * `status` the HTTP status it maps to, `messageKey` the key the web layer
 * translates into the reader's language (falls back to `message`).
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageKey: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, options: { messageKey?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.messageKey = options.messageKey ?? code;
    this.details = options.details;
  }

  toJSON(): { error: { code: string; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Wraps anything thrown into an AppError, keeping the original as `cause`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError(500, 'internal', 'Internal error', { cause: err });
}
