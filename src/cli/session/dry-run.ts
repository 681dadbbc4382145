// `--dry-run` of test-import and live-import: the plan for the connected site on stdout, exit 0.
import { ExitCode } from '../../errors.js';
import { dryRunOnSite } from '../../importer/dry-run.js';
import type { ImportFormat } from '../options.js';
import { renderDryRun } from '../reporters/dry-run-pretty.js';
import type { Inputs } from './inputs.js';
import { writeReport } from './report-run.js';
import { logToStderr, type Connection } from './sites.js';

export async function printDryRun(
  command: 'test-import' | 'live-import',
  inputs: Inputs,
  connection: Connection,
  flags: { format: ImportFormat; color?: boolean; createCustomFields?: boolean; newJournal?: boolean; summary?: boolean },
): Promise<void> {
  const planned = await dryRunOnSite(inputs.prepared, {
    command,
    target: connection.target,
    stateDir: inputs.config.stateDir,
    asOf: inputs.asOf,
    concurrency: inputs.config.concurrency ?? connection.target.profile.concurrency,
    createCustomFields: flags.createCustomFields === true,
    newJournal: flags.newJournal === true,
    log: logToStderr,
  });
  // --summary: counts only, for a big set whose every operation would run to thousands of lines.
  const { operations, ...counts } = planned;
  const document = flags.summary === true ? counts : { ...counts, operations };
  writeReport(flags.format, document, renderDryRun, flags.color);
  process.exitCode = ExitCode.ok;
}
