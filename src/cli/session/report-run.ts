// How a run's document reaches the user: the report on stdout (JSON or pretty, coloured as allowed),
// the end-of-run notifications, and the exit code — or the run-level failure thrown after the report (exit 3).
import { ExitCode, MigrateError, TargetError } from '../../errors.js';
import { unwrittenAfterRun, type ImportRunResult } from '../../importer/run-import.js';
import type { ImportFormat } from '../options.js';
import type { Colors } from '../reporters/colors.js';
import { renderImportPretty } from '../reporters/import-pretty.js';
import { renderJsonDocument } from '../reporters/json.js';
import { wrapForStream } from '../reporters/wrap-text.js';
import { renderImportHtml } from '../reporters/html/import.js';
import type { HtmlReportFile } from './html-report.js';
import type { RunNotifier } from './notify-run.js';
import { reportColors } from './report-colors.js';

/** Prints a command's document on stdout: as one JSON document, or as the pretty text `pretty` renders (wrapped on a terminal). */
export function writeReport<D>(format: ImportFormat, document: D, pretty: (document: D, colors: Colors) => string, color: boolean | undefined): void {
  process.stdout.write(format === 'json' ? renderJsonDocument(document) : wrapForStream(pretty(document, reportColors(format, color)), process.stdout));
}

/**
 * Prints the import report, writes its HTML page (--report), tells whom `notifier` names, and sets the
 * exit code; a run-level failure is thrown after the report, as is a page that could not be written
 * (exit 3: the run's work was sent; it was checked writable before the run, so that is rare).
 */
export async function reportRun(result: ImportRunResult, flags: { format: ImportFormat; color?: boolean }, notifier: RunNotifier, reportFile?: HtmlReportFile): Promise<void> {
  writeReport(flags.format, result.document, renderImportPretty, flags.color);
  const unwritten = reportFile ? await reportFile.write(renderImportHtml(result.document)).then(() => undefined, (error: unknown) => error) : undefined;
  await notifier.notify(result.document);
  const reportFailure =
    unwritten === undefined
      ? undefined
      : unwrittenAfterRun('report-unwritable', 'its HTML report', 'The result files and the report above are complete; run the same command again with a writable --report for the page (it sends nothing twice).', unwritten);
  settleRun(result.fatal ?? reportFailure, { stopped: result.document.stopped, errors: result.document.summary.error }, 'run');
}

/** What a resumed run of each kind finds in the journal, for the hint after a site failure. */
const JOURNALED: Record<'run' | 'resync' | 'erase', string> = { run: 'What was done so far', resync: 'What was done so far', erase: 'What was erased so far' };

/**
 * Ends a reported run: a run-level failure is thrown (a MigrateError as it is, anything else as the
 * site's failure, exit 3); otherwise the exit code is 130 when interrupted, 1 with rows or objects
 * in error, else 0.
 */
export function settleRun(fatal: unknown, outcome: { stopped?: string | undefined; errors: number }, what: 'run' | 'resync' | 'erase'): void {
  if (fatal !== undefined) {
    if (fatal instanceof MigrateError) throw fatal;
    throw new TargetError('target-failed', `The site failed the ${what}: ${fatal instanceof Error ? fatal.message : String(fatal)}.`, {
      hint: `${JOURNALED[what]} is journaled; run the same command again to resume.`,
    });
  }
  process.exitCode = outcome.stopped === 'interrupted' ? ExitCode.interrupted : outcome.errors > 0 ? ExitCode.rowErrors : ExitCode.ok;
}
