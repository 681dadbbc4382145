// The journal: latest state per object, torn last lines, corruption and newer formats, masking.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { journalPath, openJournal } from '../../src/state/journal.js';
import { withTempDir } from '../helpers/temp-dir.js';

const base = { type: 'customer' as const, kind: 'customers-advanced', file: 'c.csv', row: 2 };

describe('journal', () => {
  it('keeps the latest state per natural key across reopenings', async () => {
    await withTempDir({}, async (dir) => {
      const journal = await openJournal(dir, 'acme-1', 'run-a');
      await Promise.all([
        journal.record({ ...base, naturalKey: 'customer:a', event: 'intent' }),
        journal.record({ ...base, naturalKey: 'customer:b', event: 'intent', row: 3 }),
      ]);
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'done', id: 7, link: 'http://x/customers/7' });
      await journal.close();

      const again = await openJournal(dir, 'acme-1', 'run-b');
      expect(again.objects().get('customer:a')).toMatchObject({ state: 'done', id: 7, run: 'run-a' });
      expect(again.unfinishedIntents().map((o) => o.naturalKey)).toEqual(['customer:b']);
      await again.record({ ...base, naturalKey: 'customer:b', event: 'failed', error: 'Email is invalid' });
      expect(again.unfinishedIntents()).toEqual([]);
      expect(again.objects().get('customer:b')).toMatchObject({ state: 'failed', error: 'Email is invalid', run: 'run-b' });
      await again.close();
    });
  });

  it('ignores and cuts a torn last line, then appends on a fresh line', async () => {
    await withTempDir({}, async (dir) => {
      const journal = await openJournal(dir, 's', 'r');
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'done', id: 1, link: 'l' });
      await journal.close();
      await appendFile(journalPath(dir, 's'), '{"v":1,"at":"2026-11-2');

      const reopened = await openJournal(dir, 's', 'r2');
      expect([...reopened.objects().keys()]).toEqual(['customer:a']);
      await reopened.record({ ...base, naturalKey: 'customer:c', event: 'intent' });
      await reopened.close();
      const lines = (await readFile(journalPath(dir, 's'), 'utf8')).trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line).naturalKey)).toEqual(['customer:a', 'customer:c']);
    });
  });

  it('reports a damaged line in the middle and a newer format clearly', async () => {
    await withTempDir({}, async (dir) => {
      const journal = await openJournal(dir, 'x', 'r');
      await journal.close();
      await writeFile(journalPath(dir, 'x'), 'garbage\n{"v":1,"naturalKey":"customer:a","type":"customer","event":"intent"}\n');
      await expect(openJournal(dir, 'x')).rejects.toMatchObject({ code: 'journal-corrupt', message: expect.stringContaining('line 1') });
      await writeFile(journalPath(dir, 'x'), '{"v":2,"naturalKey":"customer:a","type":"customer","event":"intent"}\n');
      await expect(openJournal(dir, 'x')).rejects.toMatchObject({ code: 'journal-newer' });
    });
  });

  it('masks secret-looking applied values and never writes them whole', async () => {
    await withTempDir({}, async (dir) => {
      const journal = await openJournal(dir, 's', 'r');
      await journal.record({
        ...base,
        naturalKey: 'payment_profile:a',
        type: 'payment_profile',
        event: 'done',
        id: 3,
        link: 'l',
        applied: { vault_token: 'tok_1234567890abcd', first_name: 'Ann' },
      });
      await journal.close();
      const text = await readFile(journalPath(dir, 's'), 'utf8');
      expect(text).not.toContain('tok_1234567890abcd');
      expect(text).toContain('****abcd');
      expect(text).toContain('Ann');
    });
  });

  it('remembers when an object was erased through the re-create that follows', async () => {
    await withTempDir({}, async (dir) => {
      const journal = await openJournal(dir, 's', 'r');
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'done', id: 1, link: 'l' });
      expect(journal.objects().get('customer:a')?.erasedAt).toBeUndefined();
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'erased', id: 1 });
      const erasedAt = journal.objects().get('customer:a')?.erasedAt;
      expect(erasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'intent' });
      await journal.record({ ...base, naturalKey: 'customer:a', event: 'done', id: 2, link: 'l' });
      await journal.close();
      const again = await openJournal(dir, 's', 'r2');
      expect(again.objects().get('customer:a')).toMatchObject({ state: 'done', id: 2, erasedAt });
      await again.close();
    });
  });
});

describe('journal lock', () => {
  it('refuses a second writer while the first holds the journal, and takes over a dead process\'s lock', async () => {
    await withTempDir({}, async (dir) => {
      const first = await openJournal(dir, 's', 'r1');
      // Same process: a lock naming another live process (the parent) must refuse.
      await first.close();
      await writeFile(`${journalPath(dir, 's')}.lock`, `${process.ppid}\n`);
      await expect(openJournal(dir, 's', 'r2')).rejects.toMatchObject({ code: 'journal-locked' });
      const reader = await openJournal(dir, 's', 'look', { exclusive: false });
      await reader.close();

      await writeFile(`${journalPath(dir, 's')}.lock`, '999999999\n');
      const taken = await openJournal(dir, 's', 'r3');
      expect(await readFile(`${journalPath(dir, 's')}.lock`, 'utf8')).toBe(`${process.pid}\n`);
      await taken.close();
      await expect(readFile(`${journalPath(dir, 's')}.lock`, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});
