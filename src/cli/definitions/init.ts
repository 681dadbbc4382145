// `migrate init [DIR]`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((kind) => kind.trim() !== '')];
}

export function defineInit(program: Command, handle: CommandHandler): void {
  program
    .command('init')
    .description('Write blank templates (header rows only) into a folder, one <kind>.csv per template kind.')
    .argument('[dir]', 'folder to write into (created if missing)', '.')
    .option('--kind <kind>', 'only this template kind; repeatable or comma-separated (default: every kind)', collect)
    .option('--force', 'overwrite template files that already exist')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate init data/
  $ migrate init data/ --kind customers-advanced --kind subscriptions-advanced
  $ migrate init . --kind products,components --force

Existing files are never overwritten without --force; if any would be, nothing is written (exit 2).`,
    )
    .action((dir: string, options: Record<string, unknown>) => {
      handle({ command: 'init', paths: [dir], options: { kinds: options.kind as string[] | undefined, force: options.force === true } });
    });
}
