// The shared flags of the site-writing commands: declared once, parsed by commander into the flag
// objects the command modules receive (global --no-color/--verbose included).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addImportRunOptions, addTemplateRunOptions, configOption, formatOption, importFlagsOf, siteFlagsOf, yesOption } from '../../src/cli/command-options.js';

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
      ['--no-color', '--verbose', 'import', 'a.csv', '--site', 'test', '--config', 'rc.json', '--template', 'customers', '--as-of', '2026-11-23', '--out', 'res', '--format', 'json', '--dry-run', '--summary', '--ignore', 'notes.csv', '--notify-url', 'http://hook', '--create-custom-fields', '--new-journal'],
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
      notifyUrl: 'http://hook',
      createCustomFields: true,
      newJournal: true,
      summary: true,
      ignore: ['notes.csv'],
      color: false,
      verbose: true,
    });
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
