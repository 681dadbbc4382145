// The command line parsed in-process, without running anything: which command, its positional
// arguments and its typed options, and the one --format check per command family.
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseCli } from '../../src/cli/parse-cli.js';

/** Commander's own text (help, usage errors) kept out of the test output. */
function parse(args: string[]) {
  let text = '';
  const parsed = (() => {
    try {
      return parseCli(args, { writeOut: (chunk) => void (text += chunk), writeErr: (chunk) => void (text += chunk) });
    } catch (error) {
      return { error, text };
    }
  })();
  return parsed;
}

describe('parseCli', () => {
  it('reads test-import with every import flag and the global ones, format typed', () => {
    expect(
      parseCli(['--no-color', 'test-import', 'data/', 'more.csv', '--site', 'test', '--as-of', '2026-11-23', '--format', 'json', '--dry-run', '--new-journal', '--verbose']),
    ).toEqual({
      command: 'test-import',
      paths: ['data/', 'more.csv'],
      options: {
        site: 'test',
        config: undefined,
        template: undefined,
        asOf: '2026-11-23',
        out: undefined,
        format: 'json',
        dryRun: true,
        notifyUrl: undefined,
        notifyFormat: 'json',
        notifyEmail: [],
        createCustomFields: false,
        newJournal: true,
        summary: false,
        ignore: undefined,
        color: false,
        verbose: true,
      },
    });
  });

  it('defaults --format to pretty and fills each command its defaults', () => {
    expect(parseCli(['erase'])).toMatchObject({ command: 'erase', paths: [], options: { format: 'pretty', scope: 'imported', cleanup: 'all', customer: [], dryRun: false, yes: false, notifyEmail: [] } });
    expect(parseCli(['erase', '--notify-email', 'ops@example.com', '--notify-url', 'https://hooks.example.com/h', '--notify-format', 'slack'])).toMatchObject({
      options: { notifyEmail: ['ops@example.com'], notifyUrl: 'https://hooks.example.com/h', notifyFormat: 'slack' },
    });
    expect(parseCli(['resync', 'a.csv', '--notify-email', 'ops@example.com'])).toMatchObject({ options: { notifyEmail: ['ops@example.com'], notifyFormat: 'json' } });
    expect(parseCli(['resync', 'a.csv'])).toMatchObject({ command: 'resync', paths: ['a.csv'], options: { format: 'pretty', prefer: 'target', prune: false, yes: false } });
    expect(parseCli(['compare', 'out/', '--tolerance', '0.01'])).toMatchObject({ command: 'compare', paths: ['out/'], options: { format: 'pretty', tolerance: '0.01', offline: false } });
    expect(parseCli(['init'])).toEqual({ command: 'init', paths: ['.'], options: { kinds: undefined, force: false } });
    expect(parseCli(['templates', 'products', '--format', 'JSON'])).toEqual({ command: 'templates', paths: ['products'], options: { format: 'json', color: true } });
    expect(parseCli(['templates', 'products', '--system', 'chartmogul'])).toEqual({ command: 'templates', paths: ['products'], options: { format: 'pretty', color: true, system: 'chartmogul' } });
    expect(parseCli(['sandbox', '--port', '0'])).toMatchObject({ command: 'sandbox', paths: [], options: { port: '0', host: '127.0.0.1', mode: 'test', timeZone: 'UTC' } });
  });

  it('reads live-import flags, the canary as a number', () => {
    expect(parseCli(['live-import', 'data/', '--canary', '5', '--yes', '--skip-test-check'])).toMatchObject({
      command: 'live-import',
      paths: ['data/'],
      options: { canary: 5, yes: true, continue: false, skipTestCheck: true, format: 'pretty' },
    });
  });

  it.each([
    { args: ['validate', 'a.csv', '--format', ' JUnit '], format: 'junit' },
    { args: ['validate', 'a.csv', '--format', 'github'], format: 'github' },
    { args: ['test-import', 'a.csv', '--format', 'json'], format: 'json' },
    { args: ['compare', 'out/', '--format', 'json'], format: 'json' },
    { args: ['validate', 'a.csv', '--format', 'HTML'], format: 'html' },
    { args: ['compare', 'out/', '--format', 'html'], format: 'html' },
  ])('accepts --format as $args.0 prints it', ({ args, format }) => {
    expect(parseCli(args).options).toMatchObject({ format });
  });

  it.each([
    { args: ['validate', 'a.csv', '--format', 'xml'], message: '--format must be one of pretty, json, github, junit, html, got "xml".' },
    { args: ['templates', '--format', 'github'], message: '--format for templates must be pretty or json, got "github".' },
    { args: ['test-import', 'a.csv', '--format', 'github'], message: '--format for imports must be pretty or json, got "github".' },
    { args: ['live-import', 'a.csv', '--format', 'JSON'], message: '--format for imports must be pretty or json, got "JSON".' },
    { args: ['erase', '--format', 'junit'], message: '--format for imports must be pretty or json, got "junit".' },
    { args: ['resync', 'a.csv', '--format', 'xml'], message: '--format for imports must be pretty or json, got "xml".' },
    { args: ['compare', 'out/', '--format', 'github'], message: '--format for compare must be pretty, json or html, got "github".' },
  ])('refuses $args.0 --format $args.3 with one line (exit 2)', ({ args, message }) => {
    const thrown = parse(args) as { error: unknown };
    expect(thrown.error).toBeInstanceOf(InputError);
    expect(thrown.error).toMatchObject({ code: 'bad-format', exitCode: 2, message });
  });

  it('points an import asked for --format html to --report', () => {
    const thrown = parse(['test-import', 'a.csv', '--format', 'html']) as { error: InputError };
    expect(thrown.error.hint).toContain('--report FILE.html');
  });

  it('reads --report beside any format (validate, compare, test-import, live-import), and refuses it with --dry-run', () => {
    expect(parseCli(['validate', 'a.csv', '--format', 'junit', '--report', 'v.html']).options).toMatchObject({ format: 'junit', report: 'v.html' });
    expect(parseCli(['compare', 'out/', '--report', 'c.html']).options).toMatchObject({ format: 'pretty', report: 'c.html' });
    expect(parseCli(['test-import', 'a.csv', '--format', 'json', '--report', 'i.html']).options).toMatchObject({ format: 'json', report: 'i.html' });
    expect(parseCli(['live-import', 'a.csv', '--report', 'live.html']).options).toMatchObject({ report: 'live.html' });
    expect(parse(['resync', 'a.csv', '--report', 'r.html'])).toMatchObject({ error: expect.any(CommanderError) });
    expect(parse(['test-import', 'a.csv', '--dry-run', '--report', 'i.html'])).toMatchObject({ error: { code: 'report-with-dry-run', exitCode: 2 } });
  });

  it('throws commander usage errors as one `migrate:` line, and --help as exit 0', () => {
    const unknown = parse(['validate', 'a.csv', '--bogus']) as { error: unknown; text: string };
    expect(unknown.error).toBeInstanceOf(CommanderError);
    expect(unknown.text).toBe("migrate: unknown option '--bogus'. Run `migrate validate --help` for usage.\n");
    const help = parse(['erase', '--help']) as { error: CommanderError; text: string };
    expect(help.error.exitCode).toBe(0);
    expect(help.text).toContain('Usage: migrate erase [options]');
  });
});
