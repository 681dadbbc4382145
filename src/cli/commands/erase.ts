// `migrate erase`: checks the flags, connects to the site (or the embedded sandbox holding the
// imported data), hands over to src/erase, and prints the plan, asks, and reports. Exit 0/1/2/3/130.
import { InputError } from '../../errors.js';
import { runErase, type EraseAction } from '../../erase/run-erase.js';
import { neutralScope, scopeNames } from '../../erase/scope-names.js';
import { requireStateFolder } from '../../erase/state-checks.js';
import type { EraseDocument, EraseScope } from '../../erase/report.js';
import type { ImportFormat } from '../options.js';
import type { Colors } from '../reporters/colors.js';
import { eraseActionText, renderErasePlan, renderEraseResult } from '../reporters/erase-pretty.js';
import { loadConfigFor } from '../session/inputs.js';
import { runWithInterrupts } from '../session/interrupts.js';
import { confirmBySiteName, type SiteName } from '../session/prompt.js';
import { reportColors } from '../session/report-colors.js';
import { prepareNotifications, type NotifyFlags } from '../session/notify-run.js';
import { settleRun, writeReport } from '../session/report-run.js';
import { connectTestSite, logToStderr, resolveTestSite } from '../session/sites.js';

export interface EraseFlags extends NotifyFlags {
  site?: string;
  config?: string;
  scope: string;
  run?: string;
  allRuns: boolean;
  catalog: boolean;
  cleanup: string;
  customer: string[];
  format: ImportFormat;
  dryRun: boolean;
  yes: boolean;
  color?: boolean;
  verbose: boolean;
}

/** Checks the flags before anything connects; the scope stays as typed (the site's target reads its own names for it). */
function checkFlags(flags: EraseFlags): { scope: EraseScope; cleanup: 'all' | 'customers' } {
  const scope = neutralScope(flags.scope);
  if (scope === undefined) {
    const own = scopeNames().filter((name) => !['imported', 'customers', 'site'].includes(name));
    throw new InputError('bad-scope', `--scope must be imported, customers or site (or a billing system's own name for one: ${own.join(', ')}), got "${flags.scope}".`);
  }
  if (flags.cleanup !== 'all' && flags.cleanup !== 'customers') throw new InputError('bad-cleanup', `--cleanup must be all or customers, got "${flags.cleanup}".`);
  if (flags.run !== undefined && flags.allRuns) throw new InputError('run-and-all-runs', '--run and --all-runs exclude each other.', { hint: 'Give one of them.' });
  if (flags.customer.length > 0 && scope !== 'customers') {
    throw new InputError('flag-needs-customers', '--customer applies to --scope customers.', { hint: 'migrate erase --scope customers --customer REF' });
  }
  if (scope !== 'imported' && (flags.run !== undefined || flags.catalog)) {
    throw new InputError('flag-needs-imported', `--run and --catalog apply to --scope imported, not ${flags.scope}.`);
  }
  return { scope, cleanup: flags.cleanup };
}

/**
 * The typed-name question; where live data can be deleted (`typedOnly`) --yes does not stand in for it,
 * and without a terminal erase refuses (exit 2, nothing sent).
 */
async function confirmErase(action: EraseAction, site: SiteName, typedOnly: boolean, yes: boolean): Promise<void> {
  try {
    await confirmBySiteName({ action: eraseActionText(action), site, command: 'erase', yes: yes && !typedOnly });
  } catch (error) {
    if (!typedOnly || !(error instanceof InputError) || error.code !== 'needs-confirmation') throw error;
    throw new InputError('needs-typed-confirmation', `${action.site} holds live data: erase goes on only when its ${site.nameKind} is typed at a terminal, and no terminal is attached; nothing was sent.`, {
      hint: `Run it in a terminal and type ${site.name}; --yes alone is not enough for live data.`,
    });
  }
}

/** A dry run's document is the plan; a run's (even one with nothing to do) is its outcome. */
function renderErase(document: EraseDocument, colors: Colors): string {
  return document.dryRun ? renderErasePlan(document, colors) : renderEraseResult(document, colors);
}

export async function run(flags: EraseFlags): Promise<void> {
  const { format } = flags;
  const { scope, cleanup } = checkFlags(flags);
  const config = await loadConfigFor(flags);
  const notifier = prepareNotifications(flags, config);
  if (scope === 'imported') requireStateFolder(config.stateDir);
  const { site } = resolveTestSite(config, flags.site);
  const connection = await connectTestSite(site, config, 'erase', flags.verbose);
  try {
    const { document, fatal } = await runErase({
      target: connection.target,
      stateDir: config.stateDir,
      scope: flags.scope,
      ...(flags.run !== undefined ? { run: flags.run } : {}),
      cleanup,
      customers: flags.customer,
      catalog: flags.catalog,
      configuredLive: site?.mode === 'live',
      dryRun: flags.dryRun,
      concurrency: config.concurrency ?? 4,
      // The plan goes to stderr before the question; stdout carries only the report.
      showPlan: (plan) => process.stderr.write(renderErasePlan(plan, reportColors(format, flags.color))),
      confirm: (action, site, { typedOnly }) => confirmErase(action, site, typedOnly, flags.yes),
      interruptible: runWithInterrupts,
      progress: process.stderr,
      log: logToStderr,
    });
    writeReport(format, document, renderErase, flags.color);
    await notifier.notify(document);
    settleRun(fatal, { stopped: document.stopped, errors: document.summary.failed }, 'erase');
  } finally {
    await connection.close();
  }
}
