// wrapText: lines no wider than the terminal, broken only between words, continuations indented.
import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/cli/reporters/colors.js';
import { terminalWidth, visibleWidth, wrapForStream, wrapText } from '../../../src/cli/reporters/wrap-text.js';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('wrapText', () => {
  // [what, text, width, the lines expected]
  it.each<[string, string, number, string[]]>([
    ['a short line stays as it is', 'notice all good', 20, ['notice all good']],
    ['a long line breaks between words, continuations indented two more', 'notice column phone was not imported (the API has no field)', 24, ['notice column phone was', '  not imported (the API', '  has no field)']],
    ['an indented line keeps its indentation', '    likely cause: the price point changed after the export', 32, ['    likely cause: the price', '      point changed after the', '      export']],
    ['a table row continues under its last column', '  date-future            The date must not be in the past of the as-of date.', 50, ['  date-future            The date must not be in', `${' '.repeat(25)}the past of the as-of`, `${' '.repeat(25)}date.`]],
    ['a word wider than the line stays whole on its own line', 'see the link http://127.0.0.1:3200/subscriptions/123456789 for it', 30, ['see the link', '  http://127.0.0.1:3200/subscriptions/123456789', '  for it']],
    ['on a very narrow terminal continuations give up the hanging indent', 'one two three', 9, ['one two', 'three']],
    ['a column too far right for text falls back to the hanging indent', '  required     import_identifier_customer_reference  The unique customer reference', 60, ['  required     import_identifier_customer_reference  The', '    unique customer reference']],
  ])('%s', (_what, text, width, expected) => {
    const wrapped = wrapText(text, width).split('\n');
    expect(wrapped).toEqual(expected);
    expect(words(wrapped.join(' '))).toEqual(words(text));
  });

  it('counts colour codes as no width and keeps them', () => {
    const colors = createColors(true);
    const text = `${colors.yellow('notice')} ${colors.bold('column')} phone was not imported: ${colors.dim('the API has no place for it')}`;
    const wrapped = wrapText(text, 30);
    for (const line of wrapped.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(30);
    expect(wrapped.replace(/\n +/g, ' ')).toBe(text);
  });

  it('wraps every line of a text on its own', () => {
    const line = 'one two three four five six seven';
    expect(wrapText(`${line}\n\n${line}`, 30)).toBe('one two three four five six\n  seven\n\none two three four five six\n  seven');
  });
});

describe('wrapForStream', () => {
  const long = 'word '.repeat(30).trim();
  it.each([
    { stream: { isTTY: true, columns: 80 }, width: 80 },
    { stream: { isTTY: false, columns: 80 }, width: undefined },
    { stream: { isTTY: true, columns: 0 }, width: undefined },
    { stream: {}, width: undefined },
  ])('wraps for a terminal only: $stream', ({ stream, width }) => {
    expect(terminalWidth(stream)).toBe(width);
    expect(wrapForStream(long, stream)).toBe(width === undefined ? long : wrapText(long, width));
  });
});
