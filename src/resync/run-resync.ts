// One resync: new rows are created by the import engine, rows the journal holds are merged field by
// field against the site (manual edits survive), rows gone from the templates are reported or, with
// --prune, erased; then the journal's last-applied values, the annotated files and the report.
import { basename } from 'node:path';
import { executeErase } from '../erase/execute.js';
import { checkJournalFor } from '../erase/state-checks.js';
import { planImportedErase } from '../erase/plan.js';
import { executeWithProgress, type NodeResult } from '../importer/execute.js';
import { runPool } from '../importer/pool.js';
import { isRowLevelFailure, messagesOf } from '../importer/failures.js';
import { createProgress } from '../importer/progress.js';
import type { PlanNode } from '../importer/plan.js';
import { checkCustomFields } from '../importer/custom-fields.js';
import { reconcileIntents } from '../importer/reconcile.js';
import { ImportResolver } from '../importer/resolver.js';
import { prepareResultFiles, rowResultOf, writeResultFiles, type RowResult } from '../importer/results.js';
import { checkKeptRows, preparedForTarget, pricedForTarget, type PreparedImport } from '../importer/run-import.js';
import type { LoadedRows } from '../importer/sources.js';
import { operationsForFile } from '../plan/map/index.js';
import { naturalKeyOf, type Operation, type SourceRow } from '../plan/operation.js';
import type { Journal, JournalObject } from '../state/journal.js';
import { openSiteJournal } from '../state/journal-sites.js';
import { siteIdentityOf } from '../state/site-identity.js';
import { newRunId } from '../state/runs.js';
import type { SiteInfo, Target } from '../targets/target.js';
import type { Prefer } from './merge.js';
import { journalApplied, reimportBilling, type ReimportEntry } from './billing.js';
import { resyncObject, type ObjectVerdict } from './object-merge.js';
import { summarizeResync, type RemovedRow, type ResyncDocument, type ResyncRow, type ResyncRowStatus } from './report.js';

export interface ResyncOptions {
  prepared: PreparedImport;
  target: Target;
  stateDir: string;
  outDir: string;
  asOf: string;
  concurrency: number;
  prefer: Prefer;
  prune: boolean;
  dryRun: boolean;
  /** Create the custom fields the templates name and the site lacks (else: list them and stop). */
  createCustomFields?: boolean;
  /**
   * Asks the operator before a live site is changed (the CLI's question for the site's name typed, or
   * --yes); throws to refuse. Not called on a test site, nor for a dry run.
   */
  confirmLive: (request: { action: string; site: Pick<SiteInfo, 'name' | 'nameKind'> }) => Promise<void>;
  /** The configuration marks the site live (the site's own answer counts too). */
  configuredLive: boolean;
  signal?: AbortSignal;
  /** Where progress goes (stderr); undefined = no progress. */
  progress?: NodeJS.WriteStream;
  log?: (line: string) => void;
}

export interface ResyncOutcome {
  document: ResyncDocument;
  fatal?: unknown;
}

interface EarlierRows {
  operations: Array<{ row: SourceRow; operations: Operation[] }>;
  /** Files whose rows marked success could not be mapped: nothing in them counts as removed. */
  unmapped: Set<string>;
}

/**
 * Rows an earlier run marked success in these very files (a results file given back): the import
 * engine skips them, but resync still merges them, and they are not "gone from the templates".
 */
function earlierRows(loaded: LoadedRows): EarlierRows {
  const earlier: EarlierRows = { operations: [], unmapped: new Set() };
  for (const file of loaded.files) {
    if (!file.rows.some((row) => loaded.alreadyImported.has(row))) continue;
    try {
      for (const entry of operationsForFile(file.rows)) if (loaded.alreadyImported.has(entry.row)) earlier.operations.push(entry);
    } catch {
      earlier.unmapped.add(basename(file.path));
    }
  }
  return earlier;
}

/** Journal objects of these files' kinds and file names whose rows are no longer in the files. */
function removedObjects(journal: Journal, prepared: PreparedImport, earlier: EarlierRows): JournalObject[] {
  const kinds = new Set(prepared.inputs.map((input) => String(input.template)));
  const names = new Set(prepared.inputs.map((input) => basename(input.path)));
  const present = new Set(earlier.operations.flatMap((entry) => entry.operations.map(naturalKeyOf)));
  return [...journal.objects().values()].filter(
    (object) =>
      object.state === 'done' &&
      kinds.has(object.kind) &&
      names.has(basename(object.file)) &&
      !earlier.unmapped.has(basename(object.file)) &&
      !prepared.plan.byNaturalKey.has(object.naturalKey) &&
      !present.has(object.naturalKey),
  );
}

function describeObject(operation: Operation, object: JournalObject): string {
  return `${operation.kind.replace(/_/g, ' ')}${object.id !== undefined ? ` ${object.id}` : ''}`;
}

function rowStatusOf(base: RowResult, verdicts: ObjectVerdict[]): ResyncRowStatus {
  if (base.status === 'error') return 'error';
  if (base.status === 'pending') return 'pending';
  if (base.status === 'success') return 'created';
  if (verdicts.some((verdict) => verdict.status === 'missing')) return 'error';
  if (verdicts.some((verdict) => verdict.status === 'conflict')) return 'conflict';
  if (verdicts.some((verdict) => verdict.status === 'updated')) return 'updated';
  return 'unchanged';
}

/** The Result cell: created → link; updated/unchanged/conflict → what happened, then the link. */
function resultText(status: ResyncRowStatus, base: RowResult, row: ResyncRow, verdicts: ObjectVerdict[]): string {
  const link = base.result;
  if (status === 'created' || status === 'pending') return link;
  if (status === 'error') return base.status === 'error' ? base.result : verdicts.find((verdict) => verdict.status === 'missing')?.message ?? base.result;
  const updated = row.changes.filter((change) => change.action !== 'conflict').map((change) => change.field);
  const parts: string[] = [];
  if (updated.length > 0) parts.push(`updated ${updated.join(', ')}`);
  const conflicts = row.changes.filter((change) => change.action === 'conflict');
  if (conflicts.length > 0) {
    parts.push(`conflict: ${conflicts.map((change) => `${change.field} edited on the site ("${change.site}"), kept; template says "${change.template}"`).join('; ')} (--prefer source overwrites)`);
  }
  if (row.notUpdatable.length > 0) parts.push(`changed in the template but not updatable by resync: ${row.notUpdatable.join(', ')}`);
  if (row.reimport !== undefined) parts.push(row.reimport);
  if (row.merged !== undefined) parts.push(`its customer was merged into customer ${row.merged.customer} on the site: followed there, not unmerged`);
  if (parts.length === 0) parts.push('unchanged');
  return `${parts.join(' | ')}: ${link}`;
}

export async function runResync(options: ResyncOptions): Promise<ResyncOutcome> {
  const { target } = options;
  const info = await target.readSite();
  // As the import has it: without the kinds the target has no place for, subscriptions priced where it takes them as invoices.
  const prepared = pricedForTarget(preparedForTarget(options.prepared, target), target, info.currency);
  const live = options.configuredLive || info.mode === 'live';
  // Resync brings an earlier import up to date: without one into this site there is nothing to merge against.
  const identity = siteIdentityOf(info, target.baseUrl);
  await checkJournalFor(options.stateDir, identity);
  await checkKeptRows(prepared.loaded, identity, options.stateDir);
  // As for an import: a custom field the site lacks (often a misspelt header) is never created on the fly;
  // a dry run refuses as the run would, and creates nothing.
  if (!options.dryRun || options.createCustomFields !== true) {
    const created = await checkCustomFields(prepared.loaded, target, !options.dryRun && options.createCustomFields === true);
    if (created.length > 0) options.log?.(`Created ${created.length} custom field(s) the site lacked: ${created.join(', ')}.`);
  }
  if (live && !options.dryRun) {
    await options.confirmLive({ action: `This resyncs the LIVE site ${target.baseUrl}.`, site: info });
  }
  const runId = newRunId();
  const outputs = options.dryRun ? undefined : await prepareResultFiles(prepared.loaded, options.outDir);
  const journal = await openSiteJournal(options.stateDir, identity, runId, { exclusive: !options.dryRun });
  const resolver = new ImportResolver(target, journal);
  let fatal: unknown;
  const verdicts = new Map<Operation, ObjectVerdict>();
  const labels = new Map<Operation, string>();
  const earlier = earlierRows(prepared.loaded);
  let execution: Map<PlanNode, NodeResult> = new Map();
  let interrupted = false;
  const removed: RemovedRow[] = [];
  let reimported: ReimportEntry[] = [];
  try {
    if (!options.dryRun && journal.unfinishedIntents().length > 0) {
      const reconciled = await reconcileIntents(prepared.plan, journal, target, resolver, options.concurrency);
      options.log?.(`Reconciled ${reconciled.found + reconciled.absent} unfinished creates from an earlier run.`);
    }
    const objects = journal.objects();
    const existing = prepared.plan.nodes.filter((node) => node.preFailure === undefined && objects.get(node.naturalKey)?.state === 'done');
    const gone = removedObjects(journal, prepared, earlier);

    if (options.dryRun) {
      for (const node of prepared.plan.nodes) {
        const object = objects.get(node.naturalKey);
        if (existing.includes(node)) execution.set(node, { status: 'skipped', outcome: { id: object!.id!, link: object!.link ?? '' } });
        else execution.set(node, node.preFailure !== undefined ? { status: 'failed', error: node.preFailure } : { status: 'done', outcome: { id: '', link: 'to be created' } });
      }
    } else {
      const run = await executeWithProgress(prepared.plan, {
        target,
        journal,
        resolver,
        concurrency: options.concurrency,
        ...(options.signal ? { signal: options.signal } : {}),
        progress: options.progress,
      });
      execution = run.results;
      fatal = run.fatal;
      interrupted = run.interrupted;
    }

    const stopped = (): boolean => fatal !== undefined || options.signal?.aborted === true;
    const compared = [...existing.map((node) => node.operation), ...earlier.operations.flatMap((entry) => entry.operations)].filter(
      (operation) => target.profile.resyncKinds.includes(operation.kind) && objects.get(naturalKeyOf(operation))?.state === 'done',
    );
    const comparing = options.progress ? createProgress({ total: compared.length, stream: options.progress }) : undefined;
    await runPool(compared, options.concurrency, stopped, async (operation) => {
      const object = objects.get(naturalKeyOf(operation))!;
      labels.set(operation, describeObject(operation, object));
      try {
        const verdict = await resyncObject(operation, object, { target, resolver, prefer: options.prefer, dryRun: options.dryRun });
        verdicts.set(operation, verdict);
        comparing?.tick(verdict.status === 'missing');
        // Billing to import again is journaled when it is (src/resync/billing.ts).
        if (!options.dryRun && verdict.billing === undefined) await journalApplied(journal, operation, verdict);
      } catch (error) {
        if (!isRowLevelFailure(error)) {
          fatal ??= error;
          return;
        }
        verdicts.set(operation, { status: 'missing', changes: [], notUpdatable: [], message: messagesOf(error) });
      }
    });
    comparing?.stop();
    if (!stopped()) {
      const operations = new Map([...prepared.plan.nodes.filter((node) => node.preFailure === undefined).map((node) => node.operation), ...earlier.operations.flatMap((entry) => entry.operations)].map((operation) => [naturalKeyOf(operation), operation]));
      try {
        reimported = await reimportBilling({ target, operations, verdicts, journal, resolver, dryRun: options.dryRun });
      } catch (error) {
        fatal ??= error;
      }
    }
    interrupted ||= options.signal?.aborted === true;

    // A row with errors may be the very row of a "gone" object (its key cannot be read): its file is not pruned.
    const withErrors = new Set([...prepared.loaded.invalid.keys()].map((row) => basename(row.file)));
    const held = new Set(gone.filter((object) => withErrors.has(basename(object.file))));
    const goneMap = new Map(gone.filter((object) => !held.has(object)).map((object) => [object.naturalKey, object]));
    const erasePlan = planImportedErase(goneMap, { mode: live ? 'live' : 'test', catalog: true, purge: target.supports.purge, order: target.profile.eraseOrder });
    const results = new Map<JournalObject, RemovedRow['status']>();
    const messages = new Map<JournalObject, string>();
    if (options.prune && !options.dryRun && !stopped()) {
      const erased = await executeErase(erasePlan.items, { target, journal, concurrency: options.concurrency, ...(options.signal ? { signal: options.signal } : {}) });
      fatal ??= erased.fatal;
      for (const result of erased.results) {
        for (const object of [result.item.object, ...result.item.companions]) {
          results.set(object, result.status);
          if (result.message) messages.set(object, result.message);
        }
      }
    }
    const kept = new Map(erasePlan.kept.map((entry) => [entry.object, entry.reason]));
    for (const object of gone) {
      const status = results.get(object) ?? (!options.prune || held.has(object) || kept.has(object) ? 'reported' : options.dryRun ? 'planned' : 'pending');
      const message = messages.get(object) ?? kept.get(object) ?? (options.prune && held.has(object) ? `not pruned while ${basename(object.file)} has rows with errors` : undefined);
      removed.push({ file: object.file, ...(object.sheet !== undefined ? { sheet: object.sheet } : {}), row: object.row, type: object.type, key: object.naturalKey.slice(object.type.length + 1), ...(object.id !== undefined ? { id: object.id } : {}), status, ...(message ? { message } : {}) });
    }
  } finally {
    await journal.close();
  }

  const rows: ResyncRow[] = [];
  const rowResults: RowResult[] = [];
  const planned = new Set(prepared.loaded.rowOperations.map(({ row }) => row));
  const earlierOperations = new Map(earlier.operations.map((entry) => [entry.row, entry.operations]));
  for (const file of prepared.loaded.files) {
    for (const source of file.rows) {
      const notApplicable = prepared.loaded.notApplicable?.get(source);
      if (notApplicable !== undefined && !prepared.loaded.invalid.has(source)) {
        // A row the target has no place for at all: its result file says so, as the import's does.
        rowResults.push({ row: source, status: 'not-applicable', result: `not applicable: ${notApplicable}` });
        continue;
      }
      const nodes = prepared.plan.rowNodes.get(source) ?? [];
      let base: RowResult;
      let operations: Operation[];
      if (planned.has(source)) {
        base = rowResultOf(source, nodes, execution, target.profile.rowObjectOrder, prepared.loaded.invalid.get(source));
        operations = nodes.map((node) => node.operation);
      } else if (earlierOperations.has(source)) {
        base = { row: source, status: 'skipped', result: source.values.Result ?? '' };
        operations = earlierOperations.get(source)!;
      } else {
        continue;
      }
      const rowVerdicts = operations.flatMap((operation) => (verdicts.has(operation) ? [verdicts.get(operation)!] : []));
      // Billing imported again: the result files show the amounts imported now (ChargifyNextRenewal, Amount).
      for (const { reimported } of rowVerdicts) {
        if (reimported?.nextRenewal !== undefined) base = { ...base, nextRenewal: reimported.nextRenewal };
        if (reimported?.amount !== undefined) base = { ...base, amount: reimported.amount };
      }
      const status = rowStatusOf(base, rowVerdicts);
      const row: ResyncRow = {
        file: source.file,
        ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
        row: source.row,
        key: source.key,
        status,
        result: '',
        changes: operations.flatMap((operation) => (verdicts.get(operation)?.changes ?? []).map((change) => ({ ...change, object: labels.get(operation) ?? operation.kind }))),
        notUpdatable: [...new Set(rowVerdicts.flatMap((verdict) => verdict.notUpdatable))],
      };
      const merged = rowVerdicts.find((verdict) => verdict.merged !== undefined)?.merged;
      if (merged !== undefined) row.merged = { customer: merged.id, link: merged.link };
      const reimport = rowVerdicts.find((verdict) => verdict.reimport !== undefined)?.reimport;
      if (reimport !== undefined) row.reimport = reimport;
      row.result = resultText(status, base, row, rowVerdicts);
      rows.push(row);
      rowResults.push({ ...base, status: status === 'error' ? 'error' : status === 'pending' ? 'pending' : 'success', result: row.result });
    }
  }
  const resultFiles = outputs ? await writeResultFiles(prepared.loaded, rowResults, outputs, { site: identity, run: runId, command: 'resync' }) : [];
  const stoppedAs: ResyncDocument['stopped'] = interrupted ? 'interrupted' : fatal !== undefined ? 'target-failed' : undefined;
  const summary = summarizeResync(rows, removed);
  const inputs = prepared.inputs.map((input) => input.path).join(' ');
  const next = options.dryRun
    ? `migrate resync ${inputs}${options.prune ? ' --prune' : ''}   (applies this plan)`
    : stoppedAs
      ? `migrate resync ${inputs}   (resumes: what was done is journaled)`
      : summary.error > 0
        ? 'fix the rows marked error, then run resync again'
        : summary.removed > summary.pruned && !options.prune
          ? `rows gone from the templates are still on the site: migrate resync ${inputs} --prune removes them`
          : 'migrate compare on the result files';
  return {
    document: {
      version: 1,
      command: 'resync',
      site: target.baseUrl,
      run: runId,
      asOf: options.asOf,
      dryRun: options.dryRun,
      prefer: options.prefer,
      prune: options.prune,
      ...(stoppedAs ? { stopped: stoppedAs } : {}),
      summary,
      rows,
      removed,
      ...(target.billingHistory !== undefined ? { reimported } : {}),
      resultFiles,
      next,
    },
    ...(fatal !== undefined ? { fatal } : {}),
  };
}
