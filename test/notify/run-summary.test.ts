// The subject line and Slack message every outcome gives, from the documents the commands print.
import { describe, expect, it } from 'vitest';
import { buildEraseDocument, type EraseDocument } from '../../src/erase/report.js';
import type { ImportDocument } from '../../src/importer/summary.js';
import { summarizeResync, type ResyncDocument } from '../../src/resync/report.js';
import { composeEmail } from '../../src/notify/email.js';
import { slackMessage } from '../../src/notify/slack.js';
import { formatDuration, subjectOf, summarizeRun, LISTED } from '../../src/notify/run-summary.js';

const RUN = { elapsedMs: 65_000, folder: '/work/acme' };

function importDocument(counts: { success: number; error: number; skipped?: number }, stopped?: ImportDocument['stopped']): ImportDocument {
  const rows = [
    ...Array.from({ length: counts.success }, (_, i) => ({ file: 'data/subs.csv', row: i + 2, key: `ok-${i}`, status: 'success', result: 'https://x/subscriptions/1' })),
    ...Array.from({ length: counts.error }, (_, i) => ({ file: 'data/subs.csv', row: 100 + i, key: `bad-${i}`, status: 'error', result: 'email: <b>not</b> & valid' })),
  ];
  return {
    version: 1,
    command: 'test-import',
    site: 'http://127.0.0.1:4010',
    run: '20261123T130000Z-1a2b3c',
    asOf: '2026-11-23',
    elapsedMs: 1234,
    ...(stopped ? { stopped } : {}),
    summary: { rows: rows.length + (counts.skipped ?? 0), success: counts.success, error: counts.error, skipped: counts.skipped ?? 0, pending: 0, notEnabled: 0 },
    templates: {},
    rows,
    notImportable: [],
    notEnabled: [],
    resultFiles: ['/work/acme/migrate-results/subs.csv'],
    next: 'migrate compare migrate-results/',
  };
}

function resyncDocument(stopped?: ResyncDocument['stopped']): ResyncDocument {
  const rows: ResyncDocument['rows'] = [
    { file: 'a.csv', row: 2, key: 'c1', status: 'updated', result: 'updated', changes: [], notUpdatable: [] },
    { file: 'a.csv', row: 3, key: 'c2', status: 'conflict', result: 'email changed on both sides', changes: [], notUpdatable: [] },
  ];
  return { version: 1, command: 'resync', site: 's', run: 'r', asOf: '2026-11-23', dryRun: false, prefer: 'target', prune: false, ...(stopped ? { stopped } : {}), summary: summarizeResync(rows, []), rows, removed: [], resultFiles: [], next: 'n' };
}

function eraseDocument(stopped?: EraseDocument['stopped']): EraseDocument {
  return buildEraseDocument(
    { site: 's', siteMode: 'test', scope: 'imported', runs: 'all', dryRun: false, next: 'migrate test-import', ...(stopped ? { stopped } : {}) },
    [
      { type: 'customer', key: 'c1', id: 1, action: 'delete', status: 'erased' },
      { type: 'customer', key: 'c2', id: 2, action: 'delete', status: 'failed', message: 'the site answered 422' },
    ],
    0,
  );
}

describe('subjectOf', () => {
  it.each([
    { document: importDocument({ success: 4, error: 0, skipped: 2 }), subject: 'migrate test-import: 6 rows · 4 created · 0 with errors (completed)' },
    { document: importDocument({ success: 4, error: 1 }), subject: 'migrate test-import: 5 rows · 4 created · 1 with errors (completed with errors)' },
    { document: importDocument({ success: 1, error: 0 }, 'interrupted'), subject: 'migrate test-import: 1 row · 1 created · 0 with errors (interrupted)' },
    { document: { ...importDocument({ success: 3, error: 0 }, 'canary'), command: 'live-import' as const }, subject: 'migrate live-import: 3 rows · 3 created · 0 with errors (stopped after the canary rows)' },
    { document: importDocument({ success: 2, error: 0 }, 'target-failed'), subject: 'migrate test-import: 2 rows · 2 created · 0 with errors (the site failed the run)' },
    { document: resyncDocument(), subject: 'migrate resync: 2 rows · 0 created · 1 updated · 1 conflict · 0 with errors (completed)' },
    { document: resyncDocument('interrupted'), subject: 'migrate resync: 2 rows · 0 created · 1 updated · 1 conflict · 0 with errors (interrupted)' },
    { document: eraseDocument(), subject: 'migrate erase: 2 objects · 1 erased · 1 failed (completed with errors)' },
    { document: eraseDocument('target-failed'), subject: 'migrate erase: 2 objects · 1 erased · 1 failed (the site failed the run)' },
  ])('$subject', ({ document, subject }) => {
    expect(subjectOf(summarizeRun(document, RUN))).toBe(subject);
  });
});

describe('the messages', () => {
  it('lists the first rows with errors and counts the rest', () => {
    const summary = summarizeRun(importDocument({ success: 0, error: LISTED + 5 }), RUN);
    const mail = composeEmail(summary, '{}\n', { from: 'migrate@example.com', to: ['ops@example.com'] });
    expect(mail.text).toContain(`Rows with errors (${LISTED + 5}):`);
    expect(mail.text).toContain('data/subs.csv row 100 (bad-0): email: <b>not</b> & valid');
    expect(mail.text).not.toContain(`(bad-${LISTED})`);
    expect(mail.text).toContain('… and 5 more: see the attached report and the result files.');
    // An import measures itself; erase's document has no duration, so the command's own measure is used.
    expect(mail.text).toMatch(/Duration: +1\.2 s/);
    const erase = composeEmail(summarizeRun(eraseDocument(), RUN), '{}\n', { from: 'migrate@example.com', to: ['ops@example.com'] });
    expect(erase.text).toMatch(/Duration: +65\.0 s/);
    expect(erase.text).toContain('customer c2 (2): the site answered 422');
  });

  it('escapes Slack markup and keeps the section fields within Slack\'s limit', () => {
    const message = slackMessage(summarizeRun(importDocument({ success: 1, error: 1, skipped: 3 }), RUN));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('&lt;b&gt;not&lt;/b&gt; &amp; valid');
    expect(text).not.toContain('<b>');
    const section = message.blocks.find((block) => block.type === 'section' && 'fields' in block && block.fields !== undefined);
    expect(section && 'fields' in section ? section.fields!.length : 0).toBeLessThanOrEqual(10);
  });

  it.each([
    { ms: 850, text: '850 ms' },
    { ms: 12_345, text: '12.3 s' },
    { ms: 245_000, text: '4 min 5 s' },
    { ms: 7_380_000, text: '2 h 3 min' },
  ])('formatDuration($ms) is $text', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
