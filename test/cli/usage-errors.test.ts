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
