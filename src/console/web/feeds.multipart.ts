/**
 * Reads one uploaded file from a `multipart/form-data` request as a stream, for the feeds
 * upload page: the form's fields come first (the form puts them before the file input), so
 * that they are known — and checked — before a byte of the file is read; the file is then
 * handed to `consume` as it arrives, so memory stays flat whatever its size.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { AppError } from '../../errors.ts';

export interface MultipartLimits {
  /** Largest file accepted, in bytes. */
  fileSize: number;
}

/** Default: 4 GiB, more than a statewide voter file. */
export const DEFAULT_UPLOAD_LIMITS: MultipartLimits = { fileSize: 4 * 1024 ** 3 };

/**
 * Parses `req`, calls `consume(fields, file, fileName)` for the one file field named `file`,
 * and resolves with its result. 400 `file_missing` when the form carries no file (or an empty
 * name), 413 `file_too_large` beyond the limit. Whatever happens, the rest of the body is
 * drained so that the answer reaches the browser.
 */
export function receiveUpload<T>(req: IncomingMessage, consume: (fields: Readonly<Record<string, string>>, file: Readable, fileName: string) => Promise<T>, limits: MultipartLimits = DEFAULT_UPLOAD_LIMITS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: BusboyInstance;
    try {
      parser = new Busboy({ headers: req.headers as { 'content-type': string }, limits: { files: 1, fields: 20, fieldSize: 1000, fileSize: limits.fileSize } });
    } catch (err) {
      reject(new AppError(400, 'upload_invalid', `The upload could not be read: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    let started = false;
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume(); // drain what is left
      fn();
    };
    parser.on('field', (name: string, value: string) => {
      if (name !== '_csrf') fields[name] = value;
    });
    parser.on('file', (name: string, file: Readable, fileName: string) => {
      if (name !== 'file' || started || !fileName) {
        file.resume();
        return;
      }
      started = true;
      file.once('limit', () => file.destroy(new AppError(413, 'file_too_large', `The file is larger than ${Math.round(limits.fileSize / 1024 ** 2)} MB.`)));
      consume({ ...fields }, file, fileName).then(
        (result) => finish(() => resolve(result)),
        (err: unknown) => finish(() => reject(err)),
      );
    });
    parser.on('finish', () => {
      if (!started) finish(() => reject(new AppError(400, 'file_missing', 'Choose a file to upload.')));
    });
    parser.on('error', (err: Error) => finish(() => reject(new AppError(400, 'upload_invalid', `The upload could not be read: ${err.message}`))));
    req.on('error', (err) => finish(() => reject(err)));
    req.pipe(parser);
  });
}
