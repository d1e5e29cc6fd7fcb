/**
 * Writes rows in PostgreSQL's COPY text format straight into bytes: values are separated by tabs,
 * rows end with a newline, NULL is `\N`, and a backslash, tab, newline or carriage return inside
 * a value is escaped. Encoding as it goes (UTF-8, one pass per value that also finds what needs
 * escaping) spares building each row as a string and encoding it again for the socket: the
 * voter import writes a million rows of 17 values.
 */
export class CopyRowWriter {
  #chunks: Buffer[] = [];
  #buf = Buffer.allocUnsafe(CHUNK);
  #pos = 0;
  #size = 0;
  #rowStart = true;

  /** Bytes written and not yet taken. */
  get size(): number {
    return this.#size + this.#pos;
  }

  /** Adds a text value (null → NULL) to the current row. */
  text(v: string | null): void {
    this.#separator();
    if (v === null) {
      this.#ensure(2);
      this.#buf[this.#pos++] = BACKSLASH;
      this.#buf[this.#pos++] = 0x4e; // N
      return;
    }
    const n = v.length;
    this.#ensure(n * 2);
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: the rest of the value through the UTF-8 encoder, escaped first.
        this.#pos = pos;
        const rest = escapeCopyText(v.slice(i));
        this.#ensure(rest.length * 3);
        this.#pos += this.#buf.write(rest, this.#pos, 'utf8');
        return;
      }
      if (c === BACKSLASH || c === TAB || c === LF || c === CR) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 0x74 : c === LF ? 0x6e : 0x72;
      } else {
        buf[pos++] = c;
      }
    }
    this.#pos = pos;
  }

  /** Adds a non-negative integer to the current row. */
  integer(n: number): void {
    this.text(String(n));
  }

  /** Ends the current row. */
  endRow(): void {
    this.#ensure(1);
    this.#buf[this.#pos++] = LF;
    this.#rowStart = true;
  }

  /**
   * Everything written so far, handed over; the writer starts afresh. The working buffer is
   * copied out and kept (what is handed over lives until the socket has sent it, so handing
   * over the buffer itself would keep a mostly empty 256 KiB alive for each piece).
   */
  take(): Buffer[] {
    const out = this.#chunks;
    if (this.#pos > 0) out.push(Buffer.from(this.#buf.subarray(0, this.#pos)));
    this.#chunks = [];
    this.#pos = 0;
    this.#size = 0;
    return out;
  }

  #separator(): void {
    if (this.#rowStart) {
      this.#rowStart = false;
      return;
    }
    this.#ensure(1);
    this.#buf[this.#pos++] = TAB;
  }

  #ensure(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    if (this.#pos > 0) {
      this.#chunks.push(this.#buf.subarray(0, this.#pos));
      this.#size += this.#pos;
    }
    this.#buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.#pos = 0;
  }
}

const CHUNK = 256 * 1024;
const BACKSLASH = 0x5c, TAB = 0x09, LF = 0x0a, CR = 0x0d;

/** Escapes one value for the COPY text format. */
export function escapeCopyText(v: string): string {
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
