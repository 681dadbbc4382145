// The commander program: connects options to library code. Each command lives in
// src/cli/commands/<name>.ts and is imported only when it runs, so `migrate --help` starts fast.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { ExitCode, MigrateError, formatErrorLine } from '../errors.js';
import { registerCommands } from './commands.js';

function packageVersion(): string {
  const url = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('migrate')
    .description('Migrate subscription-billing data into Maxio Advanced Billing (formerly Chargify).')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('--verbose', 'log requests (with secrets redacted) and show stacks of internal errors'))
    .addOption(new Option('--no-color', 'disable colours (NO_COLOR is respected too)'))
    .exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: usageErrorWriter('migrate') });
  registerCommands(program);
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageErrorWriter(`migrate ${command.name()}`) });
  }
  return program;
}

/**
 * Commander's usage errors ("error: unknown option '--x'") as the one `migrate: …` line every other
 * error is, naming the help to read, so a CI log shows the mistake and the fix together.
 */
function usageErrorWriter(commandPath: string): (text: string, write: (text: string) => void) => void {
  return (text, write) => {
    const message = text.trim().replace(/^error: /, '');
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    write(`migrate: ${sentence} Run \`${commandPath} --help\` for usage.\n`);
  };
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, verbose);
  }
}

function exitCodeFor(error: unknown, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; any usage mistake is exit 2 (commander already printed the line).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof MigrateError) {
    process.stderr.write(`migrate: ${formatErrorLine(error)}\n`);
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const version = (() => {
    try {
      return packageVersion();
    } catch {
      return 'unknown';
    }
  })();
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `migrate: internal error (this is a bug, please report it): ${message} [migrate ${version}, node ${process.version}]\n`,
  );
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with --verbose for the stack trace.\n');
  return 70;
}
