// Property test: whatever bytes or CSV-shaped text a file holds, the reader and the validator end in
// a report or an InputError (the file reported as not read, exit 2) — never another exception.
import fc from 'fast-check';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { TEMPLATE_KINDS } from '../../src/templates/types.js';
import { validateFiles } from '../../src/validate/index.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function outcomeOf(path: string, template?: string): Promise<'report' | 'input-error'> {
  try {
    const report = await validateFiles([path], { asOf: '2026-11-23', template });
    // A file that cannot be read is kept aside with its InputError (reported, exit 2), never thrown.
    const [unreadable] = report.unreadable;
    if (unreadable !== undefined) {
      expect(report.files).toHaveLength(0);
      expect(unreadable.error).toBeInstanceOf(InputError);
      expect(unreadable.error.message).not.toBe('');
      return 'input-error';
    }
    expect(report.files).toHaveLength(1);
    expect(report.summary.rows).toBe(report.files[0].rows);
    expect(report.summary.validRows + report.summary.errorRows).toBe(report.summary.rows);
    return 'report';
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.message).not.toBe('');
      return 'input-error';
    }
    throw error;
  }
}

const headers = await Promise.all(
  TEMPLATE_KINDS.map(async (kind) => (await readFile(join(projectRoot, 'templates', `${kind}.csv`), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/)[0]),
);

const cellText = fc.oneof(
  fc.constantFrom('', 'TRUE', 'FALSE', 'true', '2026-12-01', '2020-01-01', 'USD', 'US', 'x@example.com', 'bob@', '-1', '10.125', '0', '=1+1', 'cus_abc'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const cell = fc
  .tuple(cellText, fc.integer({ min: 0, max: 9 }))
  .map(([text, dice]) => (/[",\r\n;\t]/.test(text) || dice === 0 ? `"${text.replace(/"/g, '""')}"` : text));
const csvShaped = fc.record({
  header: fc.integer({ min: 0, max: headers.length - 1 }),
  rows: fc.array(fc.array(cell, { maxLength: 80 }), { maxLength: 8 }),
  newline: fc.constantFrom('\n', '\r\n'),
  breakQuote: fc.boolean(),
});

describe('validateFiles on arbitrary input', () => {
  it('ends in a report or an InputError for CSV-shaped text under a real template header', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'fuzz.csv');
      await fc.assert(
        fc.asyncProperty(csvShaped, async ({ header, rows, newline, breakQuote }) => {
          let text = [headers[header], ...rows.map((row) => row.join(','))].join(newline);
          if (breakQuote) text += `${newline}"unclosed`;
          await writeFile(path, text);
          await outcomeOf(path);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('ends in a report or an InputError for random bytes, with and without --template', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'bytes.csv');
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.option(fc.constantFrom(...TEMPLATE_KINDS)), async (bytes, template) => {
          await writeFile(path, bytes);
          await outcomeOf(path, template ?? undefined);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('ends in a report or an InputError for random bytes after a real header', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'tail.csv');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: headers.length - 1 }), fc.uint8Array({ maxLength: 400 }), async (header, bytes) => {
          await writeFile(path, Buffer.concat([Buffer.from(`${headers[header]}\n`), bytes]));
          await outcomeOf(path);
        }),
        { numRuns: 150 },
      );
    });
  });
});
