// `migrate validate`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import { ignoreOption } from '../command-options.js';
import type { CommandHandler } from '../parse-cli.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function defineValidate(program: Command, handle: CommandHandler): void {
  program
    .command('validate')
    .description('Check template CSV files (or every .csv in folders) and report each problem by file, row and column.')
    .argument('<paths...>', 'CSV files, or folders whose .csv files are all checked')
    .option('--template <kind>', 'treat every file as this template kind instead of detecting it from the header (see `migrate templates`)')
    .option('--catalog <dir>', 'folder (or file) of catalog templates (products, components, coupons…) that references must match; repeatable', collect)
    .addOption(ignoreOption())
    .option('--as-of <date>', 'judge date rules against this calendar date YYYY-MM-DD (default: today in the configured time zone, UTC)')
    .option('--format <format>', 'report format: pretty, json, github, junit or html (a self-contained page; default: pretty)')
    .option('--report <file>', 'also write the report as an HTML page to this file (e.g. validate.html), whatever --format prints')
    .option('--max-findings <n>', 'pretty report: list at most N findings per file, then count the rest (default: 50; 0 lists all; json, github and junit always list all)')
    .option('--out <dir>', 'also write annotated copies there: Status error (Result = the messages) or pending; other cells untouched')
    .option('--preview', 'also price each subscription\'s next renewal from the catalog templates and warn where YourExpectedRenewal disagrees (rule expected-renewal)')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate validate customers.csv subscriptions.csv
  $ migrate validate data/ --catalog catalog/ --as-of 2026-11-23 --format github
  $ migrate validate subs.csv --format json --out results/
  $ migrate validate data/ --preview
  $ migrate validate data/ --ignore notes.csv --ignore "archive/**"
  $ migrate validate data/ --report validate.html

Every file is reported: one that cannot be read (malformed CSV, not a template) is a
file-level error in every format, and the others are checked all the same.
Exit codes: 0 no row has errors (warnings allowed), 1 some rows have errors,
2 usage error (no report), or an input file could not be read (after the whole report).
Colour follows the terminal; --no-color or NO_COLOR turns it off.`,
    )
    .action((paths: string[], options: Record<string, unknown>, command: Command) => {
      const all = command.optsWithGlobals();
      handle({ command: 'validate', paths, options: {
        template: options.template as string | undefined,
        catalog: options.catalog as string[] | undefined,
        ignore: options.ignore as string[] | undefined,
        maxFindings: options.maxFindings as string | undefined,
        asOf: options.asOf as string | undefined,
        format: options.format as string | undefined,
        report: options.report as string | undefined,
        out: options.out as string | undefined,
        preview: options.preview === true,
        color: all.color as boolean | undefined,
      } });
    });
}
