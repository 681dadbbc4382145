// `migrate erase`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';
import { addNotifyOptions, configOption, formatOption, notifyFlagsOf, siteFlagsOf, yesOption } from '../command-options.js';

export function defineErase(program: Command, handle: CommandHandler): void {
  const command = program
    .command('erase')
    .description('Remove from a test site what the toolkit imported (from the journal), or every customer, or all its data; shows the plan and asks first.')
    .option('--site <name>', 'configured site to erase from (default: test; without one, the embedded sandbox)')
    .addOption(configOption())
    .option('--scope <scope>', 'imported (what the journal says the toolkit created), customers (every customer and its subscriptions) or site (clear-data); on ChartMogul manual-customers and data-source', 'imported')
    .option('--run <id>', 'only what this import run created (scope imported)')
    .option('--all-runs', 'everything every import run created (the default for scope imported)')
    .option('--catalog', 'scope imported: also archive the products, components and coupons it created (by default the catalog stays for the re-import)')
    .option('--customer <reference>', 'scope customers: only this customer (reference or id) and its subscriptions; repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .option('--cleanup <what>', 'scope site: clear-data cleanup_scope, all or customers', 'all')
    .addOption(formatOption())
    .option('--dry-run', 'print the plan (objects per type, a sample of each) and send nothing')
    .addOption(yesOption());
  addNotifyOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ migrate erase --dry-run                   # what would go, per object type
  $ migrate erase                             # asks you to type the subdomain, then erases
  $ migrate erase --run 20261123T101500Z-a1b2c3 --yes --format json
  $ migrate erase --catalog                   # the catalog the toolkit created goes too (archived)
  $ migrate erase --scope customers --yes     # every customer, also those added by hand
  $ migrate erase --scope customers --customer cust-0042   # one customer and its subscriptions
  $ migrate erase --scope site --cleanup customers
  $ migrate erase --yes --notify-email ops@example.com    # a mail with the outcome when it ends
  $ migrate erase --site cm --scope data-source --dry-run   # ChartMogul: what deleting the data source loses

Scope imported touches only objects the journal in .migrate/ says the toolkit created: invoices are
voided, subscriptions purged with their customer and payment profile, customers deleted; with
--catalog coupons, components and products are archived too (product families stay: the API cannot
remove them; archived handles and codes stay taken, so to import the same catalog again on a test
site use --scope site instead). On a live site the API refuses purge and clear-data: erase only
cancels the subscriptions it created. Ctrl-C stops cleanly; run the same command again to resume.
Then migrate test-import imports again.
Exit codes: 0 done, 1 some objects could not be erased, 2 usage or input error (nothing sent),
3 the site failed the run, 130 interrupted.`,
    )
    .action((options: Record<string, unknown>, command: Command) => {
      handle({
        command: 'erase',
        paths: [],
        options: {
          ...siteFlagsOf(options, command),
          ...notifyFlagsOf(options),
          scope: options.scope as string,
          run: options.run as string | undefined,
          allRuns: options.allRuns === true,
          catalog: options.catalog === true,
          cleanup: options.cleanup as string,
          customer: (options.customer as string[] | undefined) ?? [],
          yes: options.yes === true,
        },
      });
    });
}
