// Billing dates west of UTC end to end: with `timeZone: America/New_York` a row's next_billing_at is
// the renewal day on the site (the embedded sandbox, read back over HTTP), in the renewal preview
// behind ChargifyNextRenewal, and in `compare --renewing`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/dates/index.js';
import { testDate } from '../helpers/clock.js';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { runCli } from './run-cli.js';

const ZONE = 'America/New_York';

describe('timeZone America/New_York', () => {
  it('puts next_billing_at on the template day in New York, and ChargifyNextRenewal and compare --renewing agree', async () => {
    // Relative to the suite's today so the date stays in the future; any date shows the shift west of UTC.
    const renewal = testDate(100);
    const dayBefore = addDays(renewal, -1);
    const files = {
      ...catalogFiles(),
      'data/subs.csv': subscriptionsCsv(1, [], renewal),
      '.migraterc.json': JSON.stringify({ timeZone: ZONE }),
    };
    await withTempDir(files, async (dir) => {
      const imported = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
      expect(imported.code, imported.stderr + imported.stdout).toBe(0);
      const [row] = parse(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(row!.Status).toBe('success');

      const sandbox = await startSandbox({ dataDir: join(dir, '.migrate', 'sandbox'), timeZone: ZONE });
      const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
      try {
        const id = Number(/\/subscriptions\/(\d+)$/.exec(row!.Result!)![1]);
        const subscription = (await target.api.readSubscription(id))!;
        // Noon on the day in New York, written with New York's offset as the API answers.
        expect(String(subscription.next_assessment_at)).toMatch(new RegExp(`^${renewal}T12:00:00-0[45]:00$`));
        const preview = await target.api.previewRenewal(id);
        expect(String(preview.next_assessment_at).slice(0, 10)).toBe(renewal);
        expect(row!.ChargifyNextRenewal).toBe((Number(preview.total_in_cents) / 100).toFixed(2));
        expect(row!.ChargifyNextRenewal).toBe('49.00');
      } finally {
        await target.close();
        await sandbox.close();
      }

      const inRange = await compareRenewing(dir, renewal, renewal);
      expect(inRange.summary).toMatchObject({ rows: 1, compared: 1, outsideRange: 0, mismatched: 0 });
      const before = await compareRenewing(dir, dayBefore, dayBefore);
      expect(before.summary).toMatchObject({ rows: 0, outsideRange: 1 });
    });
  });
});

async function compareRenewing(dir: string, from: CalendarDate, to: CalendarDate): Promise<{ summary: Record<string, number> }> {
  const result = await runCli(dir, ['compare', 'migrate-results', '--renewing', `${from}..${to}`, '--refresh', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { summary: Record<string, number> };
}
