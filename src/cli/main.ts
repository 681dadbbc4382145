// The entry point bin/migrate.js calls: parse the command line, run the command, and turn whatever
// it throws into one line on stderr and the documented exit code.
import { CommanderError } from 'commander';
import { ExitCode, InputErrors, MigrateError, formatErrorLine } from '../errors.js';
import { packageVersion, parseCli } from './parse-cli.js';
import { wrapForStream } from './reporters/wrap-text.js';
import { runCommand } from './run-command.js';

/** `argv` as process.argv has it: node, the script, then the arguments. */
export async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  dropOutputOnceItsReaderHasGone();
  try {
    await runCommand(parseCli(argv.slice(2)));
  } catch (error) {
    process.exitCode = exitCodeFor(error, verbose);
  }
}

/**
 * `migrate … | head -1`: once the reader of stdout (or stderr) has gone, the rest of that output is
 * dropped quietly and the command ends as it would have, with its own exit code (0 for --help, 1 for
 * rows with errors): the exit code still says what the run did. A closed terminal (EIO, after SIGHUP)
 * is a reader gone too: the run still writes its results. Other write errors stay fatal.
 */
function dropOutputOnceItsReaderHasGone(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
    });
  }
}

function exitCodeFor(error: unknown, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; any usage mistake is exit 2 (commander already printed the line).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof MigrateError) {
    const lines = error instanceof InputErrors ? [...error.errors, error] : [error];
    for (const each of lines) process.stderr.write(`${wrapForStream(`migrate: ${formatErrorLine(each)}`, process.stderr)}\n`);
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
