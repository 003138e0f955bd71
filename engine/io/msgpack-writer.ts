// A minimal msgpack writer for replies whose shape is known (see row-reply.ts): writes into one reused buffer
// and can copy pre-encoded fragments in. Output is standard msgpack, decoded by any library; strings are written
// with the header sized for their worst-case UTF-8 length (valid msgpack, not always the shortest form).
// Buffer ownership: the writer owns its buffer; `view()` lends it until the next `reset()`, `copy()` gives bytes away.
/** Replies start here and grow; fragment writers start small. */
const INITIAL_BYTES = 64 * 1024;
/** A reply bigger than this is a bug (frames are far smaller; the search page size is capped). */
const WRITER_BYTES_MAX = 16 * 1024 * 1024;
const UTF8_BYTES_PER_CHAR_MAX = 3;
/** Below these sizes a loop beats the native call (measured in bench/in-process.ts, codec suite). */
const SHORT_CHARS_MAX = 64;
const SHORT_COPY_BYTES_MAX = 24;

export class MsgpackWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialBytes = INITIAL_BYTES) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  reset(): this {
    this.pos = 0;
    return this;
  }

  /** The bytes written since reset: a view into the reused buffer, valid until the next reset. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written since reset (for caching fragments). */
  copy(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buf, 0, this.pos);
  }

  mapHeader(size: number): void {
    this.ensure(5);
    if (size < 16) this.buf[this.pos++] = 0x80 | size;
    else if (size < 0x10000) this.header16(0xde, size);
    else this.header32(0xdf, size);
  }

  arrayHeader(size: number): void {
    this.ensure(5);
    if (size < 16) this.buf[this.pos++] = 0x90 | size;
    else if (size < 0x10000) this.header16(0xdc, size);
    else this.header32(0xdd, size);
  }

  str(value: string): void {
    const worst = value.length * UTF8_BYTES_PER_CHAR_MAX;
    this.ensure(worst + 5);
    if (value.length < SHORT_CHARS_MAX) {
      // Short strings by hand: a call into Buffer.write costs more than the loop for names and words.
      const header = worst < 32 ? 1 : 2;
      const n = this.utf8Short(value, this.pos + header);
      if (n >= 0) {
        this.strHeader(header, n);
        return;
      }
    }
    if (worst < 0x100) this.strHeader(2, this.buf.write(value, this.pos + 2));
    else if (worst < 0x10000) this.strHeader(3, this.buf.write(value, this.pos + 3));
    else this.strHeader(5, this.buf.write(value, this.pos + 5));
  }

  /** Integers in the shortest form; other numbers as float64 (as msgpackr does by default). */
  num(value: number): void {
    this.ensure(9);
    const b = this.buf;
    if (Number.isInteger(value) && value >= 0 && value < 0x80) b[this.pos++] = value;
    else if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) {
      b[this.pos] = 0xce;
      b.writeUInt32BE(value, this.pos + 1);
      this.pos += 5;
    } else if (Number.isInteger(value) && value < 0 && value >= -0x80000000) {
      b[this.pos] = 0xd2;
      b.writeInt32BE(value, this.pos + 1);
      this.pos += 5;
    } else {
      b[this.pos] = 0xcb;
      b.writeDoubleBE(value, this.pos + 1);
      this.pos += 9;
    }
  }

  bool(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 0xc3 : 0xc2;
  }

  /** Bytes that already are msgpack (a cached fragment or key). */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    if (bytes.length < SHORT_COPY_BYTES_MAX) {
      // TypedArray#set has a fixed cost that dominates for keys and small fragments.
      const b = this.buf;
      for (let i = 0, p = this.pos; i < bytes.length; i++, p++) b[p] = bytes[i]!;
    } else this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** UTF-8 of a string without surrogates at `at`; its byte count, or -1 (nothing counted) when it has surrogates. */
  private utf8Short(value: string, at: number): number {
    const b = this.buf;
    let p = at;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      } else return -1;
    }
    return p - at;
  }

  /** Writes the header of a string already written `headerBytes` after the position, and moves past both. */
  private strHeader(headerBytes: 1 | 2 | 3 | 5, n: number): void {
    const b = this.buf;
    if (headerBytes === 1) b[this.pos] = 0xa0 | n;
    else if (headerBytes === 2) {
      b[this.pos] = 0xd9;
      b[this.pos + 1] = n;
    } else if (headerBytes === 3) {
      b[this.pos] = 0xda;
      b.writeUInt16BE(n, this.pos + 1);
    } else {
      b[this.pos] = 0xdb;
      b.writeUInt32BE(n, this.pos + 1);
    }
    this.pos += headerBytes + n;
  }

  private header16(type: number, size: number): void {
    this.buf[this.pos] = type;
    this.buf.writeUInt16BE(size, this.pos + 1);
    this.pos += 3;
  }

  private header32(type: number, size: number): void {
    this.buf[this.pos] = type;
    this.buf.writeUInt32BE(size, this.pos + 1);
    this.pos += 5;
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const size = Math.max(this.buf.length * 2, this.pos + bytes);
    if (size > WRITER_BYTES_MAX) throw new Error(`msgpack writer: reply over ${WRITER_BYTES_MAX} bytes`);
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}
