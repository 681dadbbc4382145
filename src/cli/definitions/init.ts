// `migrate init [DIR]`: flags and help. The implementation loads only when the command runs.
import type { Command } from 'commander';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((kind) => kind.trim() !== '')];
}

export function defineInit(program: Command): void {
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
    .action(async (dir: string, options: Record<string, unknown>) => {
      const { run } = await import('../commands/init.js');
      await run(dir, { kinds: options.kind as string[] | undefined, force: options.force === true });
    });
}
