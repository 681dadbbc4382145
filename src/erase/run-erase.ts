// One erase, whatever the scope: read the journal (or the site), show the plan, have the operator
// confirm, carry it out with Ctrl-C handling, journal what left the site, and return the document.
// Showing, asking and Ctrl-C are the caller's (src/cli): they come in as callbacks.
import { InputError } from '../errors.js';
import { createProgress } from '../importer/progress.js';
import type { Journal } from '../state/journal.js';
import { openSiteJournal } from '../state/journal-sites.js';
import { siteIdentityOf } from '../state/site-identity.js';
import { listRuns, newRunId } from '../state/runs.js';
import type { SiteInfo, Target } from '../targets/target.js';
import { executeErase, type EraseExecution } from './execute.js';
import { planImportedErase, type ImportedErasePlan } from './plan.js';
import { checkJournalFor } from './state-checks.js';
import { buildEraseDocument, type EraseDocument, type EraseEntry, type EraseScope } from './report.js';
import { eraseSiteCustomers, listSiteCustomers, syncJournalAfterClear, syncJournalAfterCustomers, type CustomerResult } from './site-scopes.js';

export interface EraseOptions {
  target: Target;
  stateDir: string;
  scope: EraseScope;
  /** undefined: every run. */
  run?: string;
  cleanup: 'all' | 'customers';
  /** Scope customers: only these customers (reference or id); empty = every customer. */
  customers: string[];
  catalog: boolean;
  /** The configuration marks the site live (the site's own answer counts too). */
  configuredLive: boolean;
  dryRun: boolean;
  concurrency: number;
  /** Shown the plan before anything is sent (not on a dry run, whose document is the plan). */
  showPlan: (plan: EraseDocument) => void;
  /** Asks the operator to go on (the site's name typed, or --yes); throws to refuse. */
  confirm: (action: EraseAction, site: Pick<SiteInfo, 'name' | 'nameKind'>) => Promise<void>;
  /** Runs the part that sends with Ctrl-C handling: the signal aborts it. */
  interruptible: <T>(body: (signal: AbortSignal) => Promise<T>) => Promise<T>;
  /** Where progress goes (stderr). */
  progress: NodeJS.WriteStream;
  /** Receives one notice line (the live site's limits). */
  log: (line: string) => void;
}

/** What the operator is asked to confirm, by scope; the CLI words it. */
export type EraseAction =
  | { scope: 'imported'; verb: 'cancels' | 'erases'; objects: number; siteMode: 'test' | 'live'; site: string }
  | { scope: 'customers'; customers: number; subscriptions: number; selected: boolean; site: string }
  | { scope: 'site'; what: string; site: string };

/** The erase's document (the plan itself for a dry run or when there is nothing to do) and the run-level failure, if any. */
export interface EraseOutcome {
  document: EraseDocument;
  fatal?: unknown;
}

async function checkRun(stateDir: string, journal: Journal, run: string): Promise<void> {
  if ([...journal.objects().values()].some((object) => object.run === run)) return;
  const runs = await listRuns(stateDir);
  if (runs.some((record) => record.id === run)) return;
  const recent = runs.slice(-3).map((record) => record.id);
  throw new InputError('unknown-run', `No run ${run} is recorded for this site.`, {
    hint: recent.length > 0 ? `Recent runs: ${recent.join(', ')}; or use --all-runs.` : 'Use --all-runs.',
  });
}

function importedEntries(plan: ImportedErasePlan, execution?: EraseExecution): EraseEntry[] {
  const results = new Map(execution?.results.map((result) => [result.item, result]));
  const entries: EraseEntry[] = plan.items.map((item) => {
    const result = results.get(item);
    return {
      file: item.object.file,
      row: item.object.row,
      type: item.object.type,
      key: item.key,
      ...(item.object.id !== undefined ? { id: item.object.id } : {}),
      action: item.operation,
      status: result?.status ?? 'planned',
      ...(result?.message ? { message: result.message } : {}),
    };
  });
  for (const kept of plan.kept) {
    entries.push({ file: kept.object.file, row: kept.object.row, type: kept.object.type, key: kept.key, ...(kept.object.id !== undefined ? { id: kept.object.id } : {}), action: 'keep', status: 'kept', message: kept.reason });
  }
  return entries;
}

function customerEntries(customers: Awaited<ReturnType<typeof listSiteCustomers>>, results?: CustomerResult[]): EraseEntry[] {
  const byCustomer = new Map(results?.map((result) => [result.customer, result]));
  return customers.map((customer) => {
    const result = byCustomer.get(customer);
    return {
      type: 'customer',
      key: customer.label,
      id: customer.id,
      action: customer.subscriptionIds.length > 0 ? 'purge' : 'delete',
      status: result?.status ?? 'planned',
      ...(result?.message ? { message: result.message } : {}),
    };
  });
}

function nextStep(document: Omit<EraseDocument, 'next'>): string {
  if (document.dryRun) return 'run the same command without --dry-run to erase.';
  if (document.stopped) return 'run the same command again: it resumes where it stopped (what was erased is journaled).';
  if (document.summary.failed > 0) return 'see why the failed objects were refused, fix that on the site, then run the same command again.';
  if (document.siteMode === 'live') return 'the canceled subscriptions stay on the site and in the journal; nothing else can be removed from a live site.';
  return 'migrate test-import <your files> imports them again.';
}

function finish(document: Omit<EraseDocument, 'next'>): EraseDocument {
  return { ...document, next: nextStep(document) } as EraseDocument;
}

/** What the wider scopes ask of the target beyond reading and removing single objects. */
const SCOPE_NEEDS: Partial<Record<EraseOptions['scope'], { capability: 'purge' | 'clearSite'; what: string }>> = {
  customers: { capability: 'purge', what: 'delete a subscription together with its customer' },
  site: { capability: 'clearSite', what: 'clear its customers and catalog in one call' },
};

export async function runErase(options: EraseOptions): Promise<EraseOutcome> {
  const { target } = options;
  const info: SiteInfo = await target.readSite();
  const siteMode: 'test' | 'live' = options.configuredLive || info.mode === 'live' ? 'live' : 'test';
  const identity = siteIdentityOf(info, target.baseUrl);
  const head = { site: target.baseUrl, siteMode, scope: options.scope, runs: options.run ?? 'all', dryRun: options.dryRun };

  if (siteMode === 'live' && options.scope !== 'imported') {
    throw new InputError('erase-live-refused', `${target.baseUrl} is a live site: the API refuses purge and clear-data there, so --scope ${options.scope} is not possible; nothing was sent.`, {
      hint: 'On a live site erase can only cancel the subscriptions the toolkit created: migrate erase --site NAME (scope imported).',
    });
  }
  if (siteMode === 'live') {
    options.log(`${target.baseUrl} is a live site: the API refuses purge and clear-data there, so erase can only cancel the subscriptions the toolkit created.`);
  }
  const needs = SCOPE_NEEDS[options.scope];
  if (needs !== undefined && !target.supports[needs.capability]) {
    throw new InputError('erase-not-supported', `${target.baseUrl} (${target.name}) cannot ${needs.what}, so --scope ${options.scope} is not possible there; nothing was sent.`, {
      hint: 'migrate erase (scope imported) removes what the toolkit created there, one object at a time.',
    });
  }
  if (options.scope === 'imported') await checkJournalFor(options.stateDir, identity);

  // A dry run only reads: it neither waits for nor takes the site's journal lock.
  const journal = await openSiteJournal(options.stateDir, identity, newRunId(), { exclusive: !options.dryRun });
  try {
    if (options.run !== undefined) await checkRun(options.stateDir, journal, options.run);
    if (options.scope === 'imported') return await eraseImported(options, journal, head, info);
    if (options.scope === 'customers') return await eraseCustomers(options, journal, head, info);
    return await clearSite(options, journal, head, info);
  } finally {
    await journal.close();
  }
}

type Head = Pick<EraseDocument, 'site' | 'siteMode' | 'scope' | 'runs' | 'dryRun'>;

/**
 * With --dry-run the plan is all; otherwise it is shown and, unless there is nothing to do, the
 * operator confirms. False when nothing is to be carried out (the plan is then the outcome).
 */
async function showPlanAndConfirm(options: EraseOptions, document: EraseDocument, info: SiteInfo, action: EraseAction): Promise<boolean> {
  if (options.dryRun) return false;
  options.showPlan(document);
  if (document.summary.planned === 0 && options.scope !== 'site') return false;
  await options.confirm(action, info);
  return true;
}

function outcome(document: EraseDocument, fatal: unknown): EraseOutcome {
  return { document, ...(fatal !== undefined ? { fatal } : {}) };
}

function stoppedBy(execution: { fatal?: unknown; interrupted: boolean }): EraseDocument['stopped'] {
  return execution.interrupted ? 'interrupted' : execution.fatal !== undefined ? 'target-failed' : undefined;
}

async function eraseImported(options: EraseOptions, journal: Journal, head: Head, info: SiteInfo): Promise<EraseOutcome> {
  const plan = planImportedErase(journal.objects(), { ...(options.run !== undefined ? { run: options.run } : {}), mode: head.siteMode, catalog: options.catalog, purge: options.target.supports.purge, order: options.target.profile.eraseOrder });
  const planned = finish(buildEraseDocument({ ...head, next: '' }, importedEntries(plan), plan.unfinished.length));
  const action: EraseAction = { scope: 'imported', verb: head.siteMode === 'live' ? 'cancels' : 'erases', objects: plan.items.length, siteMode: head.siteMode, site: options.target.baseUrl };
  if (!(await showPlanAndConfirm(options, planned, info, action))) return outcome(planned, undefined);
  const progress = createProgress({ total: plan.items.length, stream: options.progress });
  const execution = await options.interruptible((signal) =>
    executeErase(plan.items, { target: options.target, journal, concurrency: options.concurrency, signal, onSettled: (result) => progress.tick(result.status === 'failed') }),
  );
  progress.stop();
  const document = finish(buildEraseDocument({ ...head, next: '', stopped: stoppedBy(execution) }, importedEntries(plan, execution), plan.unfinished.length));
  return outcome(document, execution.fatal);
}

async function eraseCustomers(options: EraseOptions, journal: Journal, head: Head, info: SiteInfo): Promise<EraseOutcome> {
  const customers = await listSiteCustomers(options.target, options.concurrency, options.customers);
  const planned = finish(buildEraseDocument({ ...head, next: '' }, customerEntries(customers), 0));
  const subscriptions = customers.reduce((sum, customer) => sum + customer.subscriptionIds.length, 0);
  const action: EraseAction = { scope: 'customers', customers: customers.length, subscriptions, selected: options.customers.length > 0, site: options.target.baseUrl };
  if (!(await showPlanAndConfirm(options, planned, info, action))) return outcome(planned, undefined);
  const progress = createProgress({ total: customers.length, stream: options.progress });
  const execution = await options.interruptible((signal) =>
    eraseSiteCustomers(options.target, customers, { concurrency: options.concurrency, signal, onSettled: (result) => progress.tick(result.status === 'failed') }),
  );
  progress.stop();
  if (execution.fatal === undefined) await syncJournalAfterCustomers(journal, options.target, options.concurrency);
  const document = finish(buildEraseDocument({ ...head, next: '', stopped: stoppedBy(execution) }, customerEntries(customers, execution.results), 0));
  return outcome(document, execution.fatal);
}

async function clearSite(options: EraseOptions, journal: Journal, head: Head, info: SiteInfo): Promise<EraseOutcome> {
  const what = options.cleanup === 'all' ? 'customers, subscriptions, invoices and the whole catalog' : 'customers, subscriptions and invoices';
  const entry: EraseEntry = { type: 'site', key: `cleanup_scope=${options.cleanup}`, action: 'clear', status: 'planned', message: what };
  const planned = finish(buildEraseDocument({ ...head, next: '' }, [entry], 0));
  if (!(await showPlanAndConfirm(options, planned, info, { scope: 'site', what, site: options.target.baseUrl }))) return outcome(planned, undefined);
  let fatal: unknown;
  try {
    await options.target.clearSite(options.cleanup);
    await syncJournalAfterClear(journal, options.cleanup);
    entry.status = 'erased';
  } catch (error) {
    fatal = error;
    entry.status = 'pending';
  }
  const document = finish(buildEraseDocument({ ...head, next: '', ...(fatal !== undefined ? { stopped: 'target-failed' as const } : {}) }, [entry], 0));
  return outcome(document, fatal);
}
