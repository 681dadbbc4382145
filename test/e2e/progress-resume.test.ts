// The progress line after a resume: rows an earlier run already imported settle at once, so counting them
// in the rate promised an ETA the run could never keep ("1117/3019 · 223.4/s · 9 s left" for a 64 s run).
// The rate and ETA come from this run's work only: against a site that holds each request 50 ms and takes
// 4 at a time, no honest rate can exceed 80 objects a second.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';

const LATENCY_MS = 50;
const MOST_PER_SECOND = 4 / (LATENCY_MS / 1000);

describe('progress after a resume', () => {
  it('rates only the work this run does', async () => {
    const sandbox = await startSandbox({ latency: { ms: LATENCY_MS, jitterMs: 0 }, concurrency: 4 });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(60) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const args = ['test-import', 'data', '--as-of', AS_OF];
        const first = await runCli(dir, args, { when: async () => (await journalLines(dir, '"done"')) >= 45, signal: 'SIGKILL' });
        expect(first.signal).toBe('SIGKILL');
        const resumed = await runCli(dir, args);
        expect(resumed.code, resumed.stderr).toBe(0);
        const lines = resumed.stderr.split('\n').filter((line) => line.startsWith('progress: '));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          const rate = Number(/· ([\d.]+)\/s ·/.exec(line)?.[1]);
          expect(rate, line).toBeLessThanOrEqual(MOST_PER_SECOND);
        }
      });
    } finally {
      await sandbox.close();
    }
  });
});
