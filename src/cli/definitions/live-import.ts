// `migrate live-import`: flags and help. The implementation loads only when the command runs.
import type { Command } from 'commander';
import { InputError } from '../../errors.js';

function canaryCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InputError('bad-canary', `--canary expects a whole number of rows, got "${value}".`, { hint: '--canary 0 skips the canary.' });
  return Number(value);
}

export function defineLiveImport(program: Command): void {
  program
    .command('live-import')
    .description('Import into the live site: only files that passed a clean test-import, after confirmation, canary rows first.')
    .argument('[paths...]', 'the same template files (or folders) that passed test-import; optional with --continue')
    .option('--site <name>', 'configured site to import into (default: live)')
    .option('--config <file>', 'configuration file (default: .migraterc* found from the current folder)')
    .option('--template <kind>', 'treat every file as this template kind instead of detecting it from the header')
    .option('--as-of <date>', 'judge date rules against this calendar date YYYY-MM-DD')
    .option('--out <dir>', 'folder for the annotated result files (default: migrate-results/)')
    .option('--format <format>', 'report format: pretty or json (default: pretty)')
    .option('--yes', 'do not ask for the site subdomain (for scripts)')
    .option('--canary <n>', 'import the first N valid rows, then stop for review (default 3; 0 skips)', canaryCount)
    .option('--continue', 'go on after the canary (with no files: those of the stopped live import)')
    .option('--skip-test-check', 'import even if these files have not passed a test-import')
    .option('--dry-run', 'print the plan (objects per type, API calls, estimated duration) and send nothing')
    .option('--notify-url <url>', 'POST the JSON summary to this URL when the run ends')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate live-import data/                 # asks for the subdomain, imports 3 canary rows, stops
  $ migrate live-import --continue            # the rest, after reviewing the canary on the site
  $ migrate live-import data/ --yes --canary 0 --format json

Needs sites.live in the configuration (not the same site as sites.test), and the same files (by
content) to have completed a test-import with no row errors. Exit codes as test-import.`,
    )
    .action(async (paths: string[], options: Record<string, unknown>, command: Command) => {
      const { run } = await import('../commands/live-import.js');
      const all = command.optsWithGlobals();
      await run(paths, {
        site: options.site as string | undefined,
        config: options.config as string | undefined,
        template: options.template as string | undefined,
        asOf: options.asOf as string | undefined,
        out: options.out as string | undefined,
        format: options.format as string | undefined,
        dryRun: options.dryRun === true,
        notifyUrl: options.notifyUrl as string | undefined,
        color: all.color as boolean | undefined,
        verbose: all.verbose === true,
        yes: options.yes === true,
        canary: options.canary as number | undefined,
        continue: options.continue === true,
        skipTestCheck: options.skipTestCheck === true,
      });
    });
}
