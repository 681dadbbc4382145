// `migrate live-import`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';
import { addImportRunOptions, addTemplateRunOptions, importFlagsOf, yesOption } from '../command-options.js';
import { InputError } from '../../errors.js';

function canaryCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InputError('bad-canary', `--canary expects a whole number of rows, got "${value}".`, { hint: '--canary 0 skips the canary.' });
  return Number(value);
}

export function defineLiveImport(program: Command, handle: CommandHandler): void {
  const command = program
    .command('live-import')
    .description('Import into the live site: only files that passed a clean test-import, after confirmation, canary rows first.')
    .argument('[paths...]', 'the same template files (or folders) that passed test-import; optional with --continue');
  addTemplateRunOptions(command, 'configured site to import into (default: live)', 'folder for the annotated result files (default: migrate-results/live/)')
    .addOption(yesOption())
    .option('--canary <n>', 'import the first N valid rows, then stop for review (default 3; 0 skips)', canaryCount)
    .option('--continue', 'go on after the canary (with no files: those of the stopped live import)')
    .option('--skip-test-check', 'import even if these files have not passed a test-import');
  addImportRunOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ migrate live-import data/                 # asks for the subdomain, imports 3 canary rows, stops
  $ migrate live-import --continue            # the rest, after reviewing the canary on the site
  $ migrate live-import data/ --yes --canary 0 --format json

Needs sites.live in the configuration (not the same site as sites.test), and the same files (by
content) to have completed a test-import with no row errors. Results go to migrate-results/live/,
never over the test results. Exit codes as test-import.`,
    )
    .action((paths: string[], options: Record<string, unknown>) => {
      handle({
        command: 'live-import',
        paths,
        options: {
          ...importFlagsOf(options, command),
          yes: options.yes === true,
          canary: options.canary as number | undefined,
          continue: options.continue === true,
          skipTestCheck: options.skipTestCheck === true,
        },
      });
    });
}
