// One import run, shared by test-import and live-import: validate, plan, reconcile what an earlier
// run left open, execute, then write the annotated copies, the run record and the summary document.
import { ExitCode, MigrateError } from '../errors.js';
import { checkImportJournal, openSiteJournal } from '../state/journal-sites.js';
import { newRunId, saveRun, type RunRecord } from '../state/runs.js';
import { siteIdentityOf, type SiteIdentity } from '../state/site-identity.js';
import type { Target } from '../targets/target.js';
import { checkCustomFields } from './custom-fields.js';
import { executeWithProgress, type ExecuteResult } from './execute.js';
import { buildPlan, closureOf, operationsForTarget, type Plan } from './plan.js';
import { canaryRows, emptyCanary, refuseEmptyCanary } from './canary.js';
import { reconcileIntents, type ReconcileReport } from './reconcile.js';
import { ImportResolver } from './resolver.js';
import { checkResultLinks } from './result-sites.js';
import { prepareResultFiles, rowResults, writeResultFiles, type RowResult } from './results.js';
import { loadRows, type LoadedRows, type ValidatedInput } from './sources.js';
import { isDataNotEnabled, type ValidatedFile } from '../validate/index.js';
import { buildDocument, countRows, nextStep, type ImportDocument, type NotEnabledRow } from './summary.js';
import type { SourceRow } from '../plan/operation.js';
import { notApplicableOf, type NotApplicableNotice } from './not-applicable.js';
import { priceOpeningInvoices } from './opening-invoices.js';

export interface PreparedImport {
  inputs: ValidatedInput[];
  loaded: LoadedRows;
  plan: Plan;
}

/**
 * Plans the validated files from the records validation read (validateFiles with `keepContent`), so
 * each file is read once for validating, planning and hashing; sends nothing. The prepared import keeps
 * the rows it made, not the records.
 */
export function prepareImport(files: ValidatedFile[]): PreparedImport {
  const loaded = loadRows(files);
  const inputs = files.map(({ path, sheet, template, findings, content }) => ({ path, ...(sheet !== undefined ? { sheet } : {}), template, findings, sha256: content.sha256 }));
  return { inputs, loaded, plan: buildPlan(loaded.rowOperations, loaded.invalid) };
}

/**
 * The prepared import as a target takes it: its plan without the operations of kinds the target has no
 * place for (the rows left with none say what that means), and what it has no place for, said once.
 */
export function preparedForTarget(prepared: PreparedImport, target: Pick<Target, 'profile'>): PreparedImport & { notApplicable: NotApplicableNotice[] } {
  const rowOperations = operationsForTarget(prepared.loaded.rowOperations, target.profile.kinds);
  if (rowOperations === prepared.loaded.rowOperations) return { ...prepared, notApplicable: [] };
  const { notices, rows } = notApplicableOf(prepared.loaded, target.profile);
  const loaded = { ...prepared.loaded, rowOperations, notApplicable: rows };
  return { ...prepared, loaded, plan: buildPlan(rowOperations, loaded.invalid), notApplicable: notices };
}

/** Subscriptions priced as the invoices that open them, for a target that takes them so (ChartMogul). */
export function pricedForTarget<P extends PreparedImport>(prepared: P, target: Pick<Target, 'profile'>, siteCurrency: string): P {
  if (!target.profile.pricesSubscriptions) return prepared;
  const loaded = priceOpeningInvoices(prepared.loaded, siteCurrency);
  return loaded === prepared.loaded ? prepared : { ...prepared, loaded, plan: buildPlan(loaded.rowOperations, loaded.invalid) };
}

export interface ImportRunOptions {
  command: 'test-import' | 'live-import';
  prepared: PreparedImport;
  target: Target;
  siteName: string;
  stateDir: string;
  outDir: string;
  asOf: string;
  /** Requests the site allows at once (the client enforces it; the scheduler keeps it busy). */
  concurrency: number;
  /** Create the custom fields the rows use and the site lacks; otherwise the run stops before sending anything. */
  createCustomFields?: boolean;
  /** Import only the first N valid rows not yet imported (live-import's canary); undefined = all. */
  canary?: number;
  /** The site has no journal yet and another site with its name has one: start the site's own journal anyway. */
  newJournal?: boolean;
  signal?: AbortSignal;
  /** Where progress goes (stderr); undefined = no progress. */
  progress?: NodeJS.WriteStream;
  /** Receives one diagnostic line (reconciliation, canary notices). */
  log?: (line: string) => void;
}

export interface ImportRunResult {
  document: ImportDocument;
  run: RunRecord;
  reconciled: ReconcileReport;
  /** The run-level failure that stopped the run, if any (the caller reports it, exit 3). */
  fatal?: unknown;
  /** The canary rows, when a canary stopped the run. */
  canaryRows?: SourceRow[];
}

/** Validate's not-enabled warnings: the rows with data this run leaves out, for its report. */
function notEnabledRows(prepared: PreparedImport): NotEnabledRow[] {
  return prepared.inputs.flatMap((input) =>
    input.findings.filter(isDataNotEnabled).map(({ file, sheet, row, key, column, message }) => ({ file, ...(sheet !== undefined ? { sheet } : {}), row, key, column, message })),
  );
}

/**
 * The rows an input file already marks success are kept as they are, not sent: their links must be
 * into this site, or a run would report another site's rows as imported here (import and resync).
 */
export async function checkKeptRows(loaded: LoadedRows, identity: SiteIdentity, stateDir: string): Promise<void> {
  const kept = new Map<string, SourceRow[]>();
  for (const file of loaded.files) {
    const rows = file.rows.filter((row) => loaded.alreadyImported.has(row) && /^https?:\/\//.test(row.values.Result ?? ''));
    // The result-site check is per file: a workbook's sheets are one file.
    if (rows.length > 0) kept.set(file.path, [...(kept.get(file.path) ?? []), ...rows]);
  }
  await checkResultLinks([...kept.keys()], identity, stateDir, 'nothing was sent', async (path) => {
    const rows = kept.get(path)!;
    return { row: rows[0]!.row, links: rows.map((row) => row.values.Result!) };
  });
}

export async function runImport(options: ImportRunOptions): Promise<ImportRunResult> {
  const started = Date.now();
  const { target } = options;
  const outputs = await prepareResultFiles(options.prepared.loaded, options.outDir);
  const info = await target.readSite();
  const prepared = pricedForTarget(preparedForTarget(options.prepared, target), target, info.currency);
  // Everything is keyed by what the site is, not what it is called: another site never finds its rows "already imported".
  const identity = siteIdentityOf(info, target.baseUrl);
  const note = await checkImportJournal(options.stateDir, identity, options.newJournal === true);
  if (note !== undefined) options.log?.(note);
  await checkKeptRows(prepared.loaded, identity, options.stateDir);
  const createdFields = await checkCustomFields(prepared.loaded, target, options.createCustomFields === true);
  if (createdFields.length > 0) options.log?.(`Created ${createdFields.length} custom field(s) the site lacked: ${createdFields.join(', ')}.`);
  const runId = newRunId();
  const journal = await openSiteJournal(options.stateDir, identity, runId);
  try {
    refuseEmptyCanary(prepared, journal.objects(), options.canary ?? 0, identity);
  } catch (error) {
    await journal.close();
    throw error;
  }
  const run: RunRecord = {
    version: 1,
    id: runId,
    command: options.command,
    site: { name: options.siteName, key: identity.key, baseUrl: target.baseUrl, fingerprint: identity.fingerprint },
    files: prepared.inputs.map((input) => ({ path: input.path, ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), kind: input.template, sha256: input.sha256 })),
    startedAt: new Date(started).toISOString(),
    status: 'running',
  };
  try {
    await saveRun(options.stateDir, run);
  } catch (error) {
    await journal.close();
    throw error;
  }

  let execution: ExecuteResult;
  let reconciled: ReconcileReport = { found: 0, absent: 0, unknown: 0 };
  let canary: SourceRow[] | undefined;
  try {
    const resolver = new ImportResolver(target, journal);
    if (journal.unfinishedIntents().length > 0) {
      reconciled = await reconcileIntents(prepared.plan, journal, target, resolver, options.concurrency);
      options.log?.(`Reconciled ${reconciled.found + reconciled.absent} unfinished creates from an earlier run: ${reconciled.found} found on the site, ${reconciled.absent} not created.`);
    }
    let only: ReturnType<typeof closureOf> | undefined;
    if (options.canary !== undefined && options.canary > 0) {
      canary = canaryRows(prepared, journal.objects(), options.canary);
      // Reconciliation may have found the last rows on the site after all.
      if (canary.length === 0) throw emptyCanary(identity);
      only = closureOf(prepared.plan, canary);
    }
    execution = await executeWithProgress(prepared.plan, {
      target,
      journal,
      resolver,
      concurrency: options.concurrency,
      only,
      signal: options.signal,
      progress: options.progress,
    });
  } catch (error) {
    run.status = 'failed';
    run.endedAt = new Date().toISOString();
    await saveRun(options.stateDir, run);
    throw error;
  } finally {
    await journal.close();
  }

  const rows = rowResults(prepared.loaded, prepared.plan, execution.results, target.profile.rowObjectOrder);
  const canaryOnly = canary !== undefined && !execution.interrupted && execution.fatal === undefined;
  // A canary run reports only its own rows; the rest stay untouched for --continue.
  const reported = canaryOnly ? rows.filter((row) => row.status !== 'pending' || canary!.includes(row.row)) : rows;
  let resultFiles: string[] = [];
  let fatal = execution.fatal;
  let resultsFailed = false;
  try {
    resultFiles = await writeResultFiles(prepared.loaded, rows, outputs, { site: identity, run: runId, command: options.command }, options.log);
  } catch (error) {
    // Everything was sent: exit 2 ("nothing was sent") would be a lie, and the run record must not stay "running".
    resultsFailed = true;
    const failure = resultsUnwritable(error);
    if (fatal === undefined) fatal = failure;
    else options.log?.(failure.message);
  }
  const stopped: ImportDocument['stopped'] = execution.interrupted
    ? 'interrupted'
    : execution.fatal !== undefined
      ? 'target-failed'
      : canaryOnly && rows.some((row) => row.status === 'pending')
        ? 'canary'
        : undefined;
  const counts = countRows(rows);
  run.endedAt = new Date().toISOString();
  run.counts = counts;
  run.status = execution.interrupted ? 'interrupted' : fatal !== undefined ? 'failed' : stopped === 'canary' || counts.pending > 0 ? 'interrupted' : 'completed';
  await saveRun(options.stateDir, run);

  const document = buildDocument(
    {
      command: options.command,
      site: target.baseUrl,
      run: runId,
      asOf: options.asOf,
      elapsedMs: Date.now() - started,
      ...(stopped ? { stopped } : {}),
      notEnabled: notEnabledRows(prepared),
      notApplicable: prepared.notApplicable,
      resultFiles,
      next: nextStep(
        options.command,
        counts,
        [...new Set(prepared.inputs.map((input) => input.path))],
        // Point at the result files that hold errors when there are any (a workbook's sheets share one).
        counts.error > 0 ? filesWithErrors(resultFiles, rows, outputs) : resultFiles,
        stopped,
        resultsFailed,
      ),
    },
    reported,
    target.profile.columnMapping,
  );
  return { document, run, reconciled, fatal, ...(stopped === 'canary' ? { canaryRows: canary } : {}) };
}

/** The result files written (in their order) that hold a row marked error; `outputs` by input path. */
function filesWithErrors(written: string[], rows: RowResult[], outputs: ReadonlyMap<string, string>): string[] {
  const holding = new Set(rows.filter((row) => row.status === 'error').map((row) => outputs.get(row.row.file)));
  return written.filter((path) => holding.has(path));
}

/** The result files failed after the run sent its work: exit 3, saying that the work itself is safe and how to get the files. */
function resultsUnwritable(error: unknown): MigrateError {
  return unwrittenAfterRun('results-unwritable', 'its result files', 'Run the same command again once the folder is writable (or with another --out): the rows are already imported, so it sends nothing and writes the results.', error);
}

/** What a run writes once its work is sent (`what`: its result files, its HTML report) failed: exit 3, saying that the work itself is safe. */
export function unwrittenAfterRun(code: string, what: string, hint: string, error: unknown): MigrateError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MigrateError(code, `Everything this run did was sent and journaled, but ${what} could not be written: ${reason.replace(/[.\s]+$/, '')}.`, { exitCode: ExitCode.target, hint, cause: error });
}
