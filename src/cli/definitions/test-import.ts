// `migrate test-import`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';
import { addImportRunOptions, addTemplateRunOptions, importFlagsOf, systemOption } from '../command-options.js';

export function defineTestImport(program: Command, handle: CommandHandler): void {
  const command = program
    .command('test-import')
    .description('Validate, then import every valid row into the test site (or the embedded sandbox), annotating each row with its outcome.')
    .argument('<paths...>', 'template CSV files, or folders whose .csv files are all imported (any mix of kinds)');
  addTemplateRunOptions(command, 'configured site to import into (default: test; without one, the embedded sandbox)');
  addImportRunOptions(command)
    .addOption(systemOption())
    .addHelpText(
      'after',
      `
Examples:
  $ migrate test-import templates/
  $ migrate test-import catalog/ customers.csv subscriptions.csv --out results/
  $ migrate test-import data/ --dry-run
  $ migrate test-import fixtures/sample --system chartmogul --out chartmogul-results
  $ migrate test-import data/ --format json --notify-url https://hooks.example.com/migrate
  $ migrate test-import data/ --notify-email ops@example.com --notify-url https://hooks.slack.com/services/… --notify-format slack

Rows with validation errors are not sent; rows already imported (journal in .migrate/, or Status
success in a results file) are never created twice. Ctrl-C stops cleanly; run the same command
again to resume. Exit codes: 0 all rows imported, 1 some rows have errors, 2 usage or input error
(nothing sent), 3 the site failed the run, 130 interrupted.`,
    )
    .action((paths: string[], options: Record<string, unknown>) => {
      handle({ command: 'test-import', paths, options: importFlagsOf(options, command) });
    });
}
