// `migrate compare`: expected against actual renewal amounts and invoice totals, with explanations;
// exit 0 when every amount is within the tolerance, 1 when some differ, 2 input error, 3 site failure.
import { resolve } from 'node:path';
import { hasSite, loadConfig, type ResolvedConfig } from '../../config/index.js';
import { writeMismatchCsv } from '../../compare/mismatch-csv.js';
import { comparePassed } from '../../compare/comparison.js';
import { parseRenewalRange } from '../../compare/renewal-range.js';
import { toCompareJson } from '../../compare/report-json.js';
import { resultLinksOf } from '../../compare/result-rows.js';
import { runCompare } from '../../compare/run-compare.js';
import { collectCsvFiles } from '../../csv/inputs.js';
import { ExitCode, InputError, TargetError } from '../../errors.js';
import { checkResultLinks } from '../../importer/result-sites.js';
import { readMoney, type Decimal } from '../../pricing/index.js';
import { siteIdentityOf } from '../../state/site-identity.js';
import { SITE_RULES, targetProfile } from '../../targets/index.js';
import type { RecurringRevenue, TargetProfile } from '../../targets/target.js';
import { awaitProcessing, type ProcessingWaitResult } from '../../compare/processing-wait.js';
import { whileInterruptible } from '../session/interrupts.js';
import { processingProgress } from '../session/processing-progress.js';
import type { CompareFormat } from '../options.js';
import { renderComparePretty } from '../reporters/compare-pretty.js';
import { renderCompareHtml } from '../reporters/html/compare.js';
import { renderJsonDocument } from '../reporters/json.js';
import { wrapForStream } from '../reporters/wrap-text.js';
import { connectCompareSite, type CompareSiteConnection } from '../session/compare-site.js';
import { prepareHtmlReport } from '../session/html-report.js';
import { reportColors } from '../session/report-colors.js';

export interface CompareFlags {
  tolerance?: string;
  export?: string;
  refresh?: boolean;
  renewing?: string;
  catalog?: string[];
  site?: string;
  offline?: boolean;
  /** Seconds to wait at most for a target that reports MRR to process the import (default 300). */
  wait?: string;
  config?: string;
  format: CompareFormat;
  /** --report FILE.html: the HTML page, written beside what --format prints. */
  report?: string;
  out?: string;
  color?: boolean;
  verbose?: boolean;
}

export async function run(paths: string[], flags: CompareFlags): Promise<void> {
  const { format } = flags;
  const tolerance = parseTolerance(flags.tolerance ?? '0');
  const waitSeconds = parseWait(flags.wait ?? String(DEFAULT_WAIT_SECONDS));
  const renewing = flags.renewing === undefined ? undefined : parseRenewalRange(flags.renewing);
  if (flags.offline && (flags.refresh || flags.site !== undefined)) {
    throw new InputError('offline-with-site', `--offline cannot be combined with ${flags.refresh ? '--refresh' : '--site'}.`, { hint: 'Drop --offline to ask the site.' });
  }
  const config = await loadConfig({ systems: SITE_RULES, ...(flags.config === undefined ? {} : { configPath: flags.config }) });
  const files = await collectCsvFiles(paths);
  const exportPath = flags.export === undefined ? undefined : resolve(flags.export);
  const inputs = exportPath === undefined ? files : files.filter((file) => resolve(file) !== exportPath);
  const catalogPaths = flags.catalog && flags.catalog.length > 0 ? await collectCsvFiles(flags.catalog) : [];
  const reportFile = await prepareHtmlReport(flags.report);

  let connection: CompareSiteConnection | undefined = flags.offline ? undefined : await connectCompareSite(config, flags.site, flags.verbose);
  if (connection && !flags.refresh) connection = await unlessUnreachable(connection);
  if (flags.refresh && connection === undefined) {
    throw new InputError('refresh-without-site', '--refresh needs a site to ask, and none is known.', {
      hint: 'Pass --site NAME (a configured site, or "sandbox" for the embedded one), or run test-import first.',
    });
  }
  let report;
  try {
    if (connection) {
      // Amounts and links from one site, explanations from another, would confirm nothing.
      const target = connection.site.target;
      await checkResultLinks(inputs, siteIdentityOf(await target.readSite(), target.baseUrl), config.stateDir, 'nothing was compared', resultLinksOf);
      // MRR is only worth comparing once the target has derived it from everything imported.
      if (target.recurringRevenue) await waitForProcessing(target.recurringRevenue, waitSeconds);
    }
    report = await runCompare({
      paths: inputs,
      catalogPaths,
      tolerance,
      ...(flags.export !== undefined ? { exportPath: flags.export } : {}),
      refresh: flags.refresh === true,
      ...(renewing ? { renewing } : {}),
      ...(connection ? { site: connection.site } : {}),
      profile: connection?.site.target.profile ?? offlineProfile(config, flags.site),
      concurrency: config.concurrency ?? 4,
    });
  } finally {
    await connection?.close();
  }
  if (flags.out !== undefined) {
    const written = await writeMismatchCsv(report, flags.out);
    process.stderr.write(`Mismatched rows: ${written}\n`);
  }
  // The JSON and the HTML report are one document, printed two ways.
  const document = toCompareJson(report);
  const html = format === 'html' || reportFile ? renderCompareHtml(document) : '';
  if (reportFile) await reportFile.write(html);
  const colors = reportColors(format, flags.color);
  process.stdout.write(format === 'json' ? renderJsonDocument(document) : format === 'html' ? html : wrapForStream(renderComparePretty(report, colors), process.stdout));
  process.exitCode = comparePassed(report.summary) ? ExitCode.ok : ExitCode.rowErrors;
}

/** Without a site, result links are read as the system of --site (else of the site named test) writes them. */
function offlineProfile(config: ResolvedConfig, flag: string | undefined): TargetProfile {
  const name = flag ?? 'test';
  return targetProfile(hasSite(config, name) ? config.sites[name].system : undefined, name);
}

/** Five minutes: ChartMogul processes a migration's import in seconds to minutes. */
const DEFAULT_WAIT_SECONDS = 300;

function parseWait(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InputError('bad-wait', `--wait expects a whole number of seconds such as 300 (0: do not wait), got "${text}".`);
  return Number(text.trim());
}

/** Waits for the target to process the import, with a progress line on stderr; Ctrl-C stops the wait (exit 130). */
async function waitForProcessing(revenue: RecurringRevenue, limitSeconds: number): Promise<void> {
  const controller = new AbortController();
  const progress = processingProgress(revenue.systemName, limitSeconds, process.stderr);
  let done: ProcessingWaitResult | undefined;
  try {
    done = await whileInterruptible(
      () => controller.abort(),
      () => awaitProcessing(revenue, { limitSeconds, signal: controller.signal, onProgress: (state, waitedMs) => progress.onProgress(state, waitedMs) }),
    );
  } finally {
    progress.stop(done);
  }
}

function parseTolerance(text: string): Decimal {
  const read = readMoney(text);
  if (!read.ok || read.value.isNegative()) {
    throw new InputError('bad-tolerance', `--tolerance expects an amount such as 0.01, got "${text}"${read.ok ? ' (it cannot be negative)' : `: ${read.reason}`}.`);
  }
  return read.value;
}

/**
 * Without --refresh the site only adds explanations: when it cannot be reached the comparison still
 * runs on the result files, with a warning, rather than failing a CI job on the site's account.
 */
async function unlessUnreachable(connection: CompareSiteConnection): Promise<CompareSiteConnection | undefined> {
  try {
    await connection.site.target.readSite();
    return connection;
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    await connection.close();
    process.stderr.write(`migrate: warning: cannot reach ${connection.site.name} (${error.message.replace(/\.$/, '')}); explaining from the catalog templates only. Pass --offline to skip the site.\n`);
    return undefined;
  }
}
