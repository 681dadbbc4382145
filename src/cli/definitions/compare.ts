// `migrate compare`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function defineCompare(program: Command, handle: CommandHandler): void {
  program
    .command('compare')
    .description('Compare each subscription\'s next renewal (and each invoice total) with the expected amount, in total per currency and row by row, and explain every difference.')
    .argument('<paths...>', 'result files from test-import (or folders of them, e.g. migrate-results/); catalog files among them are read too')
    .option('--tolerance <amount>', 'differences up to this absolute amount count as equal', '0')
    .option('--export <file>', "also compare with the site's subscription export (its Estimated Renewal Amount column)")
    .option('--refresh', 'ask the site for up-to-date renewal previews instead of the ChargifyNextRenewal written at import')
    .option('--renewing <from..to>', 'only subscriptions whose next billing date is in this range, e.g. 2027-01-01..2027-01-31')
    .option('--catalog <dir>', 'catalog templates (products, components, coupons) to explain differences with; repeatable', collect)
    .option('--site <name>', 'site to ask for renewal previews (default: the site of the latest test-import; "sandbox" for the embedded one)')
    .option('--wait <seconds>', 'on a target that reports MRR (ChartMogul): wait at most this long for it to process the import before comparing (0: do not wait)', '300')
    .option('--offline', 'never contact a site: explanations come from the catalog templates')
    .option('--config <file>', 'configuration file (default: .migraterc* found from the current folder)')
    .option('--format <format>', 'report format: pretty, json or html (a self-contained page; default: pretty)')
    .option('--report <file>', 'also write the report as an HTML page to this file (e.g. compare.html), whatever --format prints')
    .option('--out <dir>', 'also write the mismatched rows to DIR/compare-mismatches.csv')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate compare migrate-results/
  $ migrate compare migrate-results/ --tolerance 0.01 --format json
  $ migrate compare migrate-results/subscriptions.csv --export subscriptions-export.csv
  $ migrate compare migrate-results/ --renewing 2027-01-01..2027-01-31 --refresh --out reports/
  $ migrate compare migrate-results/ --report compare.html

Rows without a YourExpectedRenewal (or invoice total_amount) are listed apart, never counted as equal.
On ChartMogul each row's YourExpectedRenewal, normalised to a month, is compared with the MRR it
reports, once its data source has processed the import (--wait).
Exit codes: 0 every amount is within the tolerance, 1 some amounts differ, 2 usage or input error,
3 the site failed a --refresh, or still had imports to process after --wait (without --refresh an
unreachable site only costs the explanations), 130 interrupted.`,
    )
    .action((paths: string[], options: Record<string, unknown>, command: Command) => {
      const all = command.optsWithGlobals();
      handle({ command: 'compare', paths, options: {
        tolerance: options.tolerance as string | undefined,
        export: options.export as string | undefined,
        refresh: options.refresh === true,
        renewing: options.renewing as string | undefined,
        catalog: options.catalog as string[] | undefined,
        site: options.site as string | undefined,
        offline: options.offline === true,
        wait: options.wait as string | undefined,
        config: options.config as string | undefined,
        format: options.format as string | undefined,
        report: options.report as string | undefined,
        out: options.out as string | undefined,
        color: all.color as boolean | undefined,
        verbose: all.verbose === true,
      } });
    });
}
