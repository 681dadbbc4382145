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
import { describeContents, importedObjects, journalCustomersGone } from './site-contents.js';
import { scopeNameOn, scopeOnTarget } from './scope-names.js';
import type { SiteIdentity } from '../state/site-identity.js';
import type { SiteContents } from '../targets/target.js';

export interface EraseOptions {
  target: Target;
  stateDir: string;
  /** As typed: imported, customers, site, or the target's own name for one (ChartMogul: manual-customers, data-source). */
  scope: string;
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
  /**
   * Asks the operator to go on (the site's name typed, or --yes); throws to refuse. `typedOnly`: the
   * name must be typed, --yes is not enough (live data on a target whose live data can be deleted).
   */
  confirm: (action: EraseAction, site: Pick<SiteInfo, 'name' | 'nameKind'>, how: { typedOnly: boolean }) => Promise<void>;
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
  | { scope: 'customers'; customers: number; subscriptions: number; selected: boolean; siteMode: 'test' | 'live'; site: string }
  | { scope: 'site'; what: string; siteMode: 'test' | 'live'; site: string; contents?: SiteContents };

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
  const work = document.contents?.customersWithManualWork ?? 0;
  // What a clear would lose that a resync keeps is said before it is lost.
  if (work > 0 && document.summary.erased === 0) return `${resyncAdvice(work)} Otherwise run the same command${document.dryRun ? ' without --dry-run' : ' again'} to erase.`;
  if (document.dryRun) return 'run the same command without --dry-run to erase.';
  if (document.stopped) return 'run the same command again: it resumes where it stopped (what was erased is journaled).';
  if (document.summary.failed > 0) return 'see why the failed objects were refused, fix that on the site, then run the same command again.';
  const cancels = Object.keys(document.plan).every((label) => label.endsWith(' cancel'));
  if (document.siteMode === 'live' && cancels) return 'the canceled subscriptions stay on the site and in the journal; nothing else can be removed from a live site.';
  if (document.contents !== undefined) return `migrate test-import <your files> imports everything again, into a new ${document.contents.object.type.replaceAll('_', ' ')} "${document.contents.object.key}".`;
  return 'migrate test-import <your files> imports them again.';
}

function resyncAdvice(customers: number): string {
  return `${customers === 1 ? '1 customer carries' : `${customers} customers carry`} tags, custom attributes, merges or edits made on the site, which erasing loses: migrate resync <your files> brings the site in line with the templates and keeps them.`;
}

function finish(document: Omit<EraseDocument, 'next'>): EraseDocument {
  return { ...document, next: nextStep(document) } as EraseDocument;
}

/** What the wider scopes ask of the target beyond reading and removing single objects. */
const SCOPE_NEEDS: Partial<Record<EraseOptions['scope'], { capability: 'purge' | 'clearSite'; what: string }>> = {
  customers: { capability: 'purge', what: 'delete a subscription together with its customer' },
  site: { capability: 'clearSite', what: 'clear its customers and catalog in one call' },
};

export async function runErase(given: EraseOptions): Promise<EraseOutcome> {
  const { target } = given;
  const scopes = target.profile.eraseScopes;
  const scope = scopeOnTarget(given.scope, scopes, `${target.baseUrl} (${target.name})`);
  const options: Options = { ...given, scope };
  const info: SiteInfo = await target.readSite();
  const identity = siteIdentityOf(info, target.baseUrl);
  const siteMode: 'test' | 'live' = options.configuredLive || info.mode === 'live' || (await usedByLiveImport(options.stateDir, identity)) ? 'live' : 'test';
  // Where live data can be deleted (ChartMogul), a live site is erased as a test one, after the typed name only.
  const cancelOnly = siteMode === 'live' && scopes.live === 'cancel-only';
  const head: Head = { site: target.baseUrl, siteMode, scope: scopeNameOn(scope, scopes), runs: options.run ?? 'all', dryRun: options.dryRun };
  const context: RunContext = { info, head, typedOnly: siteMode === 'live' && !cancelOnly, place: placeOf(info, target.baseUrl) };

  if (cancelOnly && scope !== 'imported') {
    throw new InputError('erase-live-refused', `${target.baseUrl} is a live site: the API refuses purge and clear-data there, so --scope ${options.scope} is not possible; nothing was sent.`, {
      hint: 'On a live site erase can only cancel the subscriptions the toolkit created: migrate erase --site NAME (scope imported).',
    });
  }
  if (cancelOnly) {
    options.log(`${target.baseUrl} is a live site: the API refuses purge and clear-data there, so erase can only cancel the subscriptions the toolkit created.`);
  } else if (context.typedOnly) {
    options.log(`${context.place} holds live data: erase goes on only when its ${info.nameKind} is typed at the question; --yes is not enough.`);
  }
  const needs = SCOPE_NEEDS[scope];
  if (needs !== undefined && !target.supports[needs.capability]) {
    throw new InputError('erase-not-supported', `${target.baseUrl} (${target.name}) cannot ${needs.what}, so --scope ${options.scope} is not possible there; nothing was sent.`, {
      hint: 'migrate erase (scope imported) removes what the toolkit created there, one object at a time.',
    });
  }
  if (scope === 'site' && !scopes.cleanups.includes(options.cleanup)) {
    throw new InputError('erase-cleanup-not-supported', `--scope ${head.scope} removes everything on ${context.place}: --cleanup ${options.cleanup} is not possible there; nothing was sent.`, {
      hint: `migrate erase --scope ${scopes.customers} removes every customer and keeps the rest.`,
    });
  }
  if (scope === 'imported') await checkJournalFor(options.stateDir, identity);

  // A dry run only reads: it neither waits for nor takes the site's journal lock.
  const journal = await openSiteJournal(options.stateDir, identity, newRunId(), { exclusive: !options.dryRun });
  try {
    if (options.run !== undefined) await checkRun(options.stateDir, journal, options.run);
    if (scope === 'imported') return await eraseImported(options, journal, context, cancelOnly);
    if (scope === 'customers') return await eraseCustomers(options, journal, context);
    return await clearSite(options, journal, context);
  } finally {
    await journal.close();
  }
}

/** The options with the scope as the target understands it. */
type Options = Omit<EraseOptions, 'scope'> & { scope: EraseScope };

type Head = Pick<EraseDocument, 'site' | 'siteMode' | 'scope' | 'runs' | 'dryRun'>;

/** What every scope's run knows of the site, once read. */
interface RunContext {
  info: SiteInfo;
  head: Head;
  /** The confirmation needs the name typed: --yes is not enough. */
  typedOnly: boolean;
  /** How a question names the site. */
  place: string;
}

/** A site a live import wrote to holds live data, whatever its configuration says now (its run records tell). */
async function usedByLiveImport(stateDir: string, identity: SiteIdentity): Promise<boolean> {
  return (await listRuns(stateDir)).some((run) => run.command === 'live-import' && run.site.fingerprint === identity.fingerprint);
}

/** The site as a question names it: its address, or where the id alone tells it apart, what it is called there too. */
function placeOf(info: SiteInfo, baseUrl: string): string {
  return info.idIsUnique === true && info.name !== '' ? `the ${info.nameKind} "${info.name}" at ${baseUrl}` : baseUrl;
}

/**
 * With --dry-run the plan is all; otherwise it is shown and, unless there is nothing to do, the
 * operator confirms. False when nothing is to be carried out (the plan is then the outcome).
 */
async function showPlanAndConfirm(options: Options, document: EraseDocument, context: RunContext, action: EraseAction): Promise<boolean> {
  if (options.dryRun) return false;
  options.showPlan(document);
  if (document.summary.planned === 0 && options.scope !== 'site') return false;
  await options.confirm(action, context.info, { typedOnly: context.typedOnly });
  return true;
}

function outcome(document: EraseDocument, fatal: unknown): EraseOutcome {
  return { document, ...(fatal !== undefined ? { fatal } : {}) };
}

function stoppedBy(execution: { fatal?: unknown; interrupted: boolean }): EraseDocument['stopped'] {
  return execution.interrupted ? 'interrupted' : execution.fatal !== undefined ? 'target-failed' : undefined;
}

async function eraseImported(options: Options, journal: Journal, context: RunContext, cancelOnly: boolean): Promise<EraseOutcome> {
  const { head } = context;
  const plan = planImportedErase(journal.objects(), { ...(options.run !== undefined ? { run: options.run } : {}), mode: cancelOnly ? 'live' : 'test', catalog: options.catalog, purge: options.target.supports.purge, order: options.target.profile.eraseOrder });
  const planned = finish(buildEraseDocument({ ...head, next: '' }, importedEntries(plan), plan.unfinished.length));
  const action: EraseAction = { scope: 'imported', verb: cancelOnly ? 'cancels' : 'erases', objects: plan.items.length, siteMode: head.siteMode, site: context.place };
  if (!(await showPlanAndConfirm(options, planned, context, action))) return outcome(planned, undefined);
  const progress = createProgress({ total: plan.items.length, stream: options.progress });
  const execution = await options.interruptible((signal) =>
    executeErase(plan.items, { target: options.target, journal, concurrency: options.concurrency, signal, onSettled: (result) => progress.tick(result.status === 'failed') }),
  );
  progress.stop();
  const document = finish(buildEraseDocument({ ...head, next: '', stopped: stoppedBy(execution) }, importedEntries(plan, execution), plan.unfinished.length));
  return outcome(document, execution.fatal);
}

async function eraseCustomers(options: Options, journal: Journal, context: RunContext): Promise<EraseOutcome> {
  const { head } = context;
  const customers = await listSiteCustomers(options.target, options.concurrency, options.customers);
  const planned = finish(buildEraseDocument({ ...head, next: '' }, customerEntries(customers), 0));
  const subscriptions = customers.reduce((sum, customer) => sum + customer.subscriptionIds.length, 0);
  const action: EraseAction = { scope: 'customers', customers: customers.length, subscriptions, selected: options.customers.length > 0, siteMode: head.siteMode, site: context.place };
  if (!(await showPlanAndConfirm(options, planned, context, action))) return outcome(planned, undefined);
  const progress = createProgress({ total: customers.length, stream: options.progress });
  // Each customer that left the site is journaled at once, so a run killed part-way leaves no journaled customer behind that is gone.
  const journalGone = journalCustomersGone(journal);
  const execution = await options.interruptible((signal) =>
    eraseSiteCustomers(options.target, customers, {
      concurrency: options.concurrency,
      signal,
      onSettled: (result) => {
        progress.tick(result.status === 'failed');
        if (result.status === 'erased' || result.status === 'gone') journalGone(result.customer.id);
      },
    }),
  );
  await journalGone.settled();
  progress.stop();
  if (execution.fatal === undefined) await syncJournalAfterCustomers(journal, options.target, options.concurrency);
  const document = finish(buildEraseDocument({ ...head, next: '', stopped: stoppedBy(execution) }, customerEntries(customers, execution.results), 0));
  return outcome(document, execution.fatal);
}

async function clearSite(options: Options, journal: Journal, context: RunContext): Promise<EraseOutcome> {
  const { head } = context;
  const { target } = options;
  // Where the clear takes more than the plan shows (a ChartMogul data source), what is lost is counted first.
  const contents = target.siteContents === undefined ? undefined : await target.siteContents(importedObjects(journal));
  const what = contents !== undefined ? describeContents(contents) : options.cleanup === 'all' ? 'customers, subscriptions, invoices and the whole catalog' : 'customers, subscriptions and invoices';
  const entry: EraseEntry = contents !== undefined
    ? { ...contents.object, status: 'planned', message: what }
    : { type: 'site', key: `cleanup_scope=${options.cleanup}`, action: 'clear', status: 'planned', message: what };
  const planned = finish(buildEraseDocument({ ...head, next: '', ...(contents !== undefined ? { contents } : {}) }, [entry], 0));
  if (!(await showPlanAndConfirm(options, planned, context, { scope: 'site', what, siteMode: head.siteMode, site: context.place, ...(contents !== undefined ? { contents } : {}) }))) return outcome(planned, undefined);
  let fatal: unknown;
  try {
    await options.target.clearSite(options.cleanup);
    await syncJournalAfterClear(journal, options.cleanup);
    entry.status = 'erased';
  } catch (error) {
    fatal = error;
    entry.status = 'pending';
  }
  const document = finish(buildEraseDocument({ ...head, next: '', ...(contents !== undefined ? { contents } : {}), ...(fatal !== undefined ? { stopped: 'target-failed' as const } : {}) }, [entry], 0));
  return outcome(document, fatal);
}
