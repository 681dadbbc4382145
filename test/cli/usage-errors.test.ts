// Usage mistakes (unknown flag, missing argument or value, unknown command) are one `migrate: …`
// line on stderr naming the help to read, exit 2, and nothing on stdout.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('usage errors', () => {
  const cases: Array<[string[], string]> = [
    [['validate', 'x.csv', '--bogus'], "migrate: unknown option '--bogus'. Run `migrate validate --help` for usage."],
    [['validate'], "migrate: missing required argument 'paths'. Run `migrate validate --help` for usage."],
    [['validate', 'x.csv', '--as-of'], "migrate: option '--as-of <date>' argument missing. Run `migrate validate --help` for usage."],
    [['compare', '--tolerance'], "migrate: option '--tolerance <amount>' argument missing. Run `migrate compare --help` for usage."],
    [['nosuch'], "migrate: unknown command 'nosuch'. Run `migrate --help` for usage."],
  ];
  for (const [args, line] of cases) {
    it(`migrate ${args.join(' ')}`, async () => {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`${line}\n`);
    });
  }
});

describe('the embedded sandbox port', () => {
  it('refuses a MIGRATE_SANDBOX_PORT that is not a port, before anything is sent', async () => {
    const result = await runCli(['test-import', 'fixtures/sample', '--as-of', '2026-11-23'], { env: { MIGRATE_SANDBOX_PORT: 'abc' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'migrate: MIGRATE_SANDBOX_PORT must be a port number from 0 to 65535, not "abc". Set it to a free port, or to 0 for any free port, or unset it for 3200.',
    ]);
  });
});
