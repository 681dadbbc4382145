// `migrate resync`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';
import { addNotifyOptions, addTemplateRunOptions, createCustomFieldsOption, importFlagsOf, systemOption, yesOption } from '../command-options.js';

export function defineResync(program: Command, handle: CommandHandler): void {
  const command = program
    .command('resync')
    .description('Bring the site in line with the templates without losing edits made on the site: new rows are created, changed fields updated, conflicts reported.')
    .argument('<paths...>', 'template CSV files, or folders whose .csv files are all read (any mix of kinds)');
  addNotifyOptions(addTemplateRunOptions(command, 'configured site (default: test; without one, the embedded sandbox)'))
    .option('--prefer <side>', 'when a field was changed both in the template and on the site: target (or site) keeps the site value (default), source (or templates) writes the template value', 'target')
    .option('--prune', 'remove from the site what the toolkit imported from rows no longer in these files')
    .option('--dry-run', 'print the diff per object (field: site value → template value) and send nothing')
    .addOption(systemOption())
    .addOption(createCustomFieldsOption())
    .addOption(yesOption('do not ask for the subdomain of a live site (for scripts)'))
    .addHelpText(
      'after',
      `
Examples:
  $ migrate resync data/ --dry-run            # the diff per object, nothing sent
  $ migrate resync data/                      # create new rows, update changed fields
  $ migrate resync data/ --prefer source      # template values win over edits made on the site
  $ migrate resync data/ --prune --format json
  $ migrate resync data/ --notify-email ops@example.com   # a mail with the outcome when it ends

A field is updated when its template value changed since the last import and nobody changed it on
the site since; when both changed, the site value is kept and the row reported as a conflict.
Fields the templates do not manage (custom fields and metadata added on the site, notes) are never
touched. Customers (names, emails, addresses, flags, custom fields) and subscription billing
(next_billing_at, net_terms, payment_collection_method, custom fields) can be updated; other changes
(products, prices, components) are reported: erase and re-import those rows. Exit codes: 0 done
(conflicts are reported, not errors), 1 rows with errors, 2 usage or input error (nothing sent),
3 the site failed the run, 130 interrupted.`,
    )
    .action((paths: string[], options: Record<string, unknown>) => {
      handle({
        command: 'resync',
        paths,
        options: { ...importFlagsOf(options, command), prefer: options.prefer as string, prune: options.prune === true, yes: options.yes === true },
      });
    });
}
