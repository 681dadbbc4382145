// The UTF-8 walker against Node's own decoder: the same invalid sequences (one U+FFFD each), the same
// multi-byte characters, however the bytes are cut into chunks.
import { describe, expect, it } from 'vitest';
import { Utf8Walker, type InvalidSequence } from '../../src/csv/utf8-walk.js';

/** What the decoder makes of the bytes: U+FFFD count and multi-byte characters. */
function decoded(bytes: Buffer): { invalid: number; multibyte: number } {
  let invalid = 0;
  let multibyte = 0;
  for (const char of bytes.toString('utf8')) {
    if (char === '\ufffd') invalid++;
    else if (char.codePointAt(0)! >= 0x80) multibyte++;
  }
  return { invalid, multibyte };
}

function walked(bytes: Buffer, cuts: number[]): { walker: Utf8Walker; sequences: InvalidSequence[] } {
  const walker = new Utf8Walker();
  const sequences: InvalidSequence[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    walker.walk(bytes.subarray(from, cut), (sequence) => sequences.push(sequence));
    from = cut;
  }
  walker.end((sequence) => sequences.push(sequence));
  return { walker, sequences };
}

describe('Utf8Walker', () => {
  it.each([
    { label: 'a stray Latin-1 byte', bytes: [0x43, 0x61, 0x66, 0xe9, 0x2c], expected: [{ offset: 3, length: 1 }] },
    { label: 'a character cut short', bytes: [0xe2, 0x82, 0x41], expected: [{ offset: 0, length: 2 }] },
    { label: 'a lone continuation byte', bytes: [0x41, 0x80, 0x41], expected: [{ offset: 1, length: 1 }] },
    { label: 'an overlong lead', bytes: [0xc0, 0xaf], expected: [{ offset: 0, length: 1 }, { offset: 1, length: 1 }] },
    { label: 'a surrogate', bytes: [0xed, 0xa0, 0x80], expected: [{ offset: 0, length: 1 }, { offset: 1, length: 1 }, { offset: 2, length: 1 }] },
    { label: 'the end inside a character', bytes: [0x41, 0xf0, 0x9f, 0x98], expected: [{ offset: 1, length: 3 }] },
    { label: 'valid text', bytes: [...Buffer.from('Zoë € 😀')], expected: [] },
  ])('finds $label', ({ bytes, expected }) => {
    const buffer = Buffer.from(bytes);
    for (let cut = 0; cut <= buffer.length; cut++) {
      const { walker, sequences } = walked(buffer, [cut]);
      expect(sequences).toEqual(expected);
      expect({ invalid: walker.invalid, multibyte: walker.multibyte }).toEqual(decoded(buffer));
    }
  });

  it('agrees with the decoder on random bytes cut at random places', () => {
    let seed = 17;
    const random = (below: number): number => (seed = (seed * 48271) % 2147483647) % below;
    for (let round = 0; round < 2000; round++) {
      const length = 1 + random(40);
      // Mostly high bytes and valid characters, so sequences start, break and complete often.
      const parts: Buffer[] = [];
      for (let i = 0; i < length; i++) parts.push(random(3) === 0 ? Buffer.from(['é', '€', '😀', 'a'][random(4)]!) : Buffer.from([0x80 + random(0x80)]));
      const bytes = Buffer.concat(parts);
      if (bytes.includes(Buffer.from('\ufffd'))) continue;
      const cuts = [random(bytes.length + 1), random(bytes.length + 1)].sort((a, b) => a - b);
      const { walker, sequences } = walked(bytes, cuts);
      expect({ invalid: walker.invalid, multibyte: walker.multibyte }).toEqual(decoded(bytes));
      expect(sequences).toHaveLength(walker.invalid);
      // Replacing exactly the reported sequences with U+FFFD gives the decoder's text.
      let text = '';
      let at = 0;
      for (const { offset, length: size } of sequences) {
        text += bytes.toString('utf8', at, offset) + '\ufffd';
        at = offset + size;
      }
      text += bytes.toString('utf8', at);
      expect(text).toBe(bytes.toString('utf8'));
    }
  });
});
