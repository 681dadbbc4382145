// Walks bytes as the WHATWG UTF-8 decoder reads them (the decoder Node uses), chunk by chunk: counts
// the multi-byte characters and finds each invalid sequence, the bytes the decoder turns into one U+FFFD.

export interface InvalidSequence {
  /** Offset of the sequence's first byte, in the walked bytes as a whole. */
  offset: number;
  /** Its bytes (one to three): a stray byte, or the start of a character cut short. */
  length: number;
}

/**
 * Incremental: `walk` each chunk in order, then `end`. A character split across chunks is followed
 * across them; an invalid sequence is reported once walked past (its last byte, or the byte that
 * breaks it), so it always ends at or before the point where it is reported.
 */
export class Utf8Walker {
  /** Valid characters of two to four bytes seen so far. */
  multibyte = 0;
  /** Invalid sequences seen so far (each read as one U+FFFD). */
  invalid = 0;
  /** Offset of the first multi-byte character, if any. */
  firstMultibyteAt: number | undefined;
  private needed = 0;
  private seen = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;
  private position = 0;

  /** Walks the next chunk; `onInvalid` hears each invalid sequence as it is found. */
  walk(bytes: Uint8Array, onInvalid?: (sequence: InvalidSequence) => void): void {
    const base = this.position;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const byte = bytes[i]!;
      if (this.needed === 0) {
        if (byte < 0x80) continue;
        this.start(byte, base + i, onInvalid);
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        // The sequence so far is one invalid sequence; this byte starts afresh.
        this.fail(onInvalid);
        if (byte >= 0x80) this.start(byte, base + i, onInvalid);
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      if (++this.seen === this.needed) {
        this.needed = 0;
        this.multibyte++;
        this.firstMultibyteAt ??= this.sequenceStart;
      }
    }
    this.position = base + n;
  }

  /** After the last chunk: a character cut short by the end of the bytes is invalid too. */
  end(onInvalid?: (sequence: InvalidSequence) => void): void {
    if (this.needed !== 0) this.fail(onInvalid);
  }

  private start(byte: number, at: number, onInvalid: ((sequence: InvalidSequence) => void) | undefined): void {
    this.sequenceStart = at;
    this.seen = 0;
    if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      this.needed = 2;
      if (byte === 0xe0) this.lower = 0xa0;
      else if (byte === 0xed) this.upper = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      this.needed = 3;
      if (byte === 0xf0) this.lower = 0x90;
      else if (byte === 0xf4) this.upper = 0x8f;
    } else {
      // A continuation byte with no lead, or a byte never used in UTF-8 (C0, C1, F5–FF).
      this.invalid++;
      onInvalid?.({ offset: at, length: 1 });
    }
  }

  private fail(onInvalid: ((sequence: InvalidSequence) => void) | undefined): void {
    this.invalid++;
    onInvalid?.({ offset: this.sequenceStart, length: this.seen + 1 });
    this.needed = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}
