// `migrate test-import`: flags and help. The implementation loads only when the command runs.
import type { Command } from 'commander';

export function defineTestImport(program: Command): void {
  program
    .command('test-import')
    .description('Validate, then import every valid row into the test site (or the embedded sandbox), annotating each row with its outcome.')
    .argument('<paths...>', 'template CSV files, or folders whose .csv files are all imported (any mix of kinds)')
    .option('--site <name>', 'configured site to import into (default: test; without one, the embedded sandbox)')
    .option('--config <file>', 'configuration file (default: .migraterc* found from the current folder)')
    .option('--template <kind>', 'treat every file as this template kind instead of detecting it from the header')
    .option('--as-of <date>', 'judge date rules against this calendar date YYYY-MM-DD')
    .option('--out <dir>', 'folder for the annotated result files (default: migrate-results/)')
    .option('--format <format>', 'report format: pretty or json (default: pretty)')
    .option('--dry-run', 'print the plan (objects per type, API calls, estimated duration) and send nothing')
    .option('--notify-url <url>', 'POST the JSON summary to this URL when the run ends')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate test-import templates/
  $ migrate test-import catalog/ customers.csv subscriptions.csv --out results/
  $ migrate test-import data/ --dry-run
  $ migrate test-import data/ --format json --notify-url https://hooks.example.com/migrate

Rows with validation errors are not sent; rows already imported (journal in .migrate/, or Status
success in a results file) are never created twice. Ctrl-C stops cleanly; run the same command
again to resume. Exit codes: 0 all rows imported, 1 some rows have errors, 2 usage or input error
(nothing sent), 3 the site failed the run, 130 interrupted.`,
    )
    .action(async (paths: string[], options: Record<string, unknown>, command: Command) => {
      const { run } = await import('../commands/test-import.js');
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
      });
    });
}
