// Feeds the splitter a UTF-8 file known to hold bytes that are not UTF-8, cutting each chunk just after
// every invalid sequence so the splitter can note it on the cell it is in (row, column, file offset).
import type { CsvSplitter, RawRecord } from './parser.js';
import { Utf8Walker, type InvalidSequence } from './utf8-walk.js';

/** The longest invalid sequence the decoder reads as one U+FFFD: a four-byte character cut after three. */
const LONGEST_SEQUENCE = 3;

export class InvalidSequenceMarker {
  private readonly walker = new Utf8Walker();
  /** File offset of the next byte pushed. */
  private position: number;
  /** The last bytes of the previous chunk: a sequence found now may have started there. */
  private previous: Buffer = Buffer.alloc(0);

  /** `start`: the file offset of the first byte pushed (3 after a BOM). */
  constructor(
    private readonly splitter: CsvSplitter,
    private readonly start: number,
  ) {
    this.position = start;
  }

  push(bytes: Buffer, out: RawRecord[]): void {
    const base = this.position;
    const found: InvalidSequence[] = [];
    this.walker.walk(bytes, (sequence) => found.push(sequence));
    let from = 0;
    for (const sequence of found) {
      const offset = this.start + sequence.offset;
      // Every byte of the sequence goes to the splitter first; it cannot end a cell (none is ASCII).
      const cut = Math.max(offset + sequence.length - base, 0);
      if (cut > from) {
        this.splitter.push(bytes.subarray(from, cut), out);
        from = cut;
      }
      this.splitter.markInvalid(offset, this.hex(bytes, base, offset, sequence.length));
    }
    this.splitter.push(from === 0 ? bytes : bytes.subarray(from), out);
    this.position = base + bytes.length;
    const last = bytes.length >= LONGEST_SEQUENCE ? bytes : Buffer.concat([this.previous, bytes]);
    this.previous = Buffer.from(last.subarray(Math.max(last.length - LONGEST_SEQUENCE, 0)));
  }

  /** After the last chunk, before the splitter's own `end`: a character cut short by the end of the file. */
  end(): void {
    this.walker.end((sequence) => {
      const offset = this.start + sequence.offset;
      this.splitter.markInvalid(offset, this.hex(Buffer.alloc(0), this.position, offset, sequence.length));
    });
  }

  /** The sequence's bytes as `0xE2 0x82`, from this chunk and the end of the previous one. */
  private hex(bytes: Buffer, base: number, offset: number, length: number): string {
    const window = Buffer.concat([this.previous, bytes]);
    const at = offset - (base - this.previous.length);
    return [...window.subarray(at, at + length)].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  }
}
