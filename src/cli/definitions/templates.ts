// `migrate templates [KIND]`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';

export function defineTemplates(program: Command, handle: CommandHandler): void {
  program
    .command('templates')
    .description('List the template kinds, or show one kind\'s columns (required, conditional, optional) and rules.')
    .argument('[kind]', 'a template kind, e.g. subscriptions-standard')
    .option('--format <format>', 'pretty or json (default: pretty)')
    .option('--system <system>', 'where the columns go on which system: advanced-billing or chartmogul (default: advanced-billing)')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate templates
  $ migrate templates subscriptions-standard
  $ migrate templates products --format json
  $ migrate templates customers-advanced --system chartmogul`,
    )
    .action((kind: string | undefined, options: Record<string, unknown>, command: Command) => {
      handle({
        command: 'templates',
        paths: kind === undefined ? [] : [kind],
        options: {
          format: options.format as string | undefined,
          color: command.optsWithGlobals().color as boolean | undefined,
          ...(options.system === undefined ? {} : { system: options.system as string }),
        },
      });
    });
}
