// The shared flags of the site-writing commands: declared once, parsed by commander into the flag
// objects the command modules receive (global --no-color/--verbose included).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addImportRunOptions, addNotifyOptions, addTemplateRunOptions, configOption, formatOption, importFlagsOf, notifyFlagsOf, siteFlagsOf, yesOption } from '../../src/cli/command-options.js';

function program(): Command {
  return new Command().exitOverride().option('--no-color').option('--verbose');
}

describe('command options', () => {
  it('importFlagsOf reads every flag addTemplateRunOptions and addImportRunOptions declare', async () => {
    let seen: unknown;
    const root = program();
    const command = root.command('import').argument('<paths...>');
    addTemplateRunOptions(command, 'the site');
    addImportRunOptions(command).action((_paths: string[], options: Record<string, unknown>) => {
      seen = importFlagsOf(options, command);
    });
    await root.parseAsync(
      ['--no-color', '--verbose', 'import', 'a.csv', '--site', 'test', '--config', 'rc.json', '--template', 'customers', '--as-of', '2026-11-23', '--out', 'res', '--format', 'json', '--dry-run', '--summary', '--ignore', 'notes.csv', '--notify-url', 'https://hooks.example.com/x?token=t', '--notify-format', 'slack', '--notify-email', 'a@example.com, b@example.com', '--notify-email', 'c@example.com', '--create-custom-fields', '--new-journal'],
      { from: 'user' },
    );
    expect(seen).toEqual({
      site: 'test',
      config: 'rc.json',
      template: 'customers',
      asOf: '2026-11-23',
      out: 'res',
      format: 'json',
      dryRun: true,
      notifyUrl: 'https://hooks.example.com/x?token=t',
      notifyFormat: 'slack',
      notifyEmail: ['a@example.com', 'b@example.com', 'c@example.com'],
      createCustomFields: true,
      newJournal: true,
      summary: true,
      ignore: ['notes.csv'],
      color: false,
      verbose: true,
    });
  });

  it.each([
    { args: ['--notify-url', 'http://127.0.0.1:9/hook'], seen: { notifyUrl: 'http://127.0.0.1:9/hook', notifyFormat: 'json', notifyEmail: [] } },
    { args: ['--notify-url', 'http://localhost/hook'], seen: { notifyUrl: 'http://localhost/hook', notifyFormat: 'json', notifyEmail: [] } },
    { args: ['--notify-url', 'https://example.com', '--notify-format', 'XML'], error: /--notify-format must be json or slack, got "XML"/ },
    { args: ['--notify-format', 'slack'], error: /--notify-format says what --notify-url gets/ },
    { args: ['--notify-email', 'ops@example'], error: /--notify-email expects email addresses, got "ops@example"/ },
    { args: ['--notify-email', 'ops@example.com,,'], seen: { notifyUrl: undefined, notifyFormat: 'json', notifyEmail: ['ops@example.com'] } },
    { args: ['--notify-url', 'http://[::1]:8080/x'], seen: { notifyUrl: 'http://[::1]:8080/x', notifyFormat: 'json', notifyEmail: [] } },
    { args: ['--notify-url', 'http://127.0.0.1.evil.com/x'], error: /uses http:\/\/ for 127\.0\.0\.1\.evil\.com/ },
  ])('notifyFlagsOf $args', async ({ args, seen, error }) => {
    let result: unknown;
    let thrown: unknown;
    const root = program();
    const command = addNotifyOptions(root.command('erase'));
    command.action((options: Record<string, unknown>) => {
      try {
        result = notifyFlagsOf(options);
      } catch (caught) {
        thrown = caught;
      }
    });
    await root.parseAsync(['erase', ...args], { from: 'user' });
    if (error === undefined) expect(result).toEqual(seen);
    else expect(thrown).toMatchObject({ exitCode: 2, message: expect.stringMatching(error) });
  });

  it('siteFlagsOf leaves absent flags undefined and booleans false', async () => {
    let seen: unknown;
    const root = program();
    const command = root.command('erase').option('--site <name>').addOption(configOption()).addOption(formatOption()).option('--dry-run').addOption(yesOption());
    command.action((options: Record<string, unknown>) => {
      seen = siteFlagsOf(options, command);
    });
    await root.parseAsync(['erase'], { from: 'user' });
    expect(seen).toEqual({ site: undefined, config: undefined, format: undefined, dryRun: false, color: true, verbose: false });
  });
});
