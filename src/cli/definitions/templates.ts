// `migrate templates [KIND]`: flags and help. The implementation loads only when the command runs.
import type { Command } from 'commander';

export function defineTemplates(program: Command): void {
  program
    .command('templates')
    .description('List the template kinds, or show one kind\'s columns (required, conditional, optional) and rules.')
    .argument('[kind]', 'a template kind, e.g. subscriptions-standard')
    .option('--format <format>', 'pretty or json (default: pretty)')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate templates
  $ migrate templates subscriptions-standard
  $ migrate templates products --format json`,
    )
    .action(async (kind: string | undefined, options: Record<string, unknown>, command: Command) => {
      const { run } = await import('../commands/templates.js');
      await run(kind, { format: options.format as string | undefined, color: command.optsWithGlobals().color as boolean | undefined });
    });
}
