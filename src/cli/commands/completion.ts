// `migrate completion SHELL`: prints the completion script for bash, zsh or fish, generated from the
// commander program the parser uses, so it completes exactly the commands and flags that parse.
import { completionModel } from '../completion/model.js';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { zshScript } from '../completion/zsh.js';
import type { Shell } from '../definitions/completion.js';
import { buildProgram } from '../parse-cli.js';

export interface CompletionOptions {
  shell: Shell;
}

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export async function run(options: CompletionOptions): Promise<void> {
  const model = completionModel(buildProgram(() => undefined));
  process.stdout.write(SCRIPTS[options.shell](model));
  process.exitCode = 0;
}
