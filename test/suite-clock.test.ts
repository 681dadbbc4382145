// The suite does not expire: the calendar-sensitive test files pass with the machine's clock moved years
// ahead (every Date in every process they start reads 2031), because the toolkit's clock starts at
// TEST_NOW in the tests, whatever the system date.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./helpers/shift-system-clock.mjs', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

/** Test files that judge dates against "today" or import into a sandbox that does. */
const CALENDAR_SENSITIVE = [
  'test/rules/date-future.test.ts',
  'test/rules/date-past.test.ts',
  'test/targets/advanced-billing/operations/subscriptions.test.ts',
  'test/targets/advanced-billing/operations/invoices.test.ts',
  'test/e2e/import.test.ts',
];

function run(command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const shifted = { NODE_OPTIONS: `--import ${preload}`, SHIFT_SYSTEM_CLOCK_TO: '2031-01-01T09:00:00Z' };

describe('a suite that does not expire', () => {
  it('moves the clock of every process it starts', async () => {
    const result = await run(['-e', 'process.stdout.write(new Date().toISOString().slice(0, 10))'], shifted);
    expect(result.output).toBe('2031-01-01');
  });

  it('passes the calendar-sensitive test files with the system clock set to 2031-01-01', async () => {
    // npm_lifecycle_event=test: the outer run has built dist/ already, so the inner one does not build again.
    const result = await run([vitest, 'run', ...CALENDAR_SENSITIVE, '--reporter=dot'], { ...shifted, npm_lifecycle_event: 'test', NO_COLOR: '1', FORCE_COLOR: '0' });
    expect(result.output).toMatch(/Test Files\s+\S*5 passed/);
    expect(result.code, result.output.slice(-3000)).toBe(0);
  }, 180_000);
});
