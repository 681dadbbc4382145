// `migrate completion bash|zsh|fish`: flags and help. Runs nothing: the parsed options go to `handle`.
import { Argument, type Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';

/** The shells `migrate completion` writes for; commander refuses any other (exit 2). */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function defineCompletion(program: Command, handle: CommandHandler): void {
  program
    .command('completion')
    .description('Print a shell completion script: commands, their flags, template kinds and paths.')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(migrate completion bash)                                  # this bash session
  $ migrate completion bash > ~/.local/share/bash-completion/completions/migrate
  $ migrate completion zsh > "\${fpath[1]}/_migrate"                     # then restart zsh
  $ migrate completion fish > ~/.config/fish/completions/migrate.fish`,
    )
    .action((shell: Shell) => {
      handle({ command: 'completion', paths: [], options: { shell } });
    });
}
