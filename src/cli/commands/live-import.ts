// `migrate live-import`: the guarded import into the live site — only files that passed a clean
// test-import, after the operator types the site's subdomain, canary rows first, then the rest.
import { basename, join, resolve } from 'node:path';
import { hasSite, resolveSite, type ResolvedConfig, type ResolvedSite } from '../../config/index.js';
import { ExitCode, InputError } from '../../errors.js';
import { preparedForTarget, runImport } from '../../importer/run-import.js';
import { refuseEmptyCanary } from '../../importer/canary.js';
import { livePlan } from '../../importer/live-plan.js';
import { colorEnabled } from '../../progress/color.js';
import { createColors } from '../reporters/colors.js';
import { renderLivePlan } from '../reporters/live-plan-pretty.js';
import { openSiteJournal } from '../../state/journal-sites.js';
import { describeRun, findCleanTestRun, findUnfinishedRun, listRuns, type RunRecord } from '../../state/runs.js';
import { canonicalAddress, siteIdentityOf, type SiteIdentity } from '../../state/site-identity.js';
import { printDryRun } from '../session/dry-run.js';
import { prepareHtmlReport } from '../session/html-report.js';
import { loadConfigFor, prepareInputs, runContext, type ImportFlags } from '../session/inputs.js';
import { runWithInterrupts } from '../session/interrupts.js';
import { confirm, confirmBySiteName, PromptInterrupted } from '../session/prompt.js';
import { prepareNotifications } from '../session/notify-run.js';
import { reportRun } from '../session/report-run.js';
import { connectSite } from '../session/sites.js';

export interface LiveImportFlags extends ImportFlags {
  yes?: boolean;
  canary?: number;
  continue?: boolean;
  skipTestCheck?: boolean;
}

/** Same address once the aliases of this machine are folded (localhost, 127.0.0.1 and ::1 are one host). */
function sameAddress(a: ResolvedSite, b: ResolvedSite): boolean {
  return canonicalAddress(a.baseUrl) === canonicalAddress(b.baseUrl);
}

/** Refuses a live site that a test-import already imported into: whatever its address, it is the test site. */
function refuseTestedSite(siteName: string, identity: SiteIdentity, runs: RunRecord[]): void {
  const tested = runs.filter((run) => run.command === 'test-import' && run.site.fingerprint === identity.fingerprint).at(-1);
  if (tested === undefined) return;
  throw new InputError('live-is-test', `The live site "${siteName}" (${identity.label}) is the site ${describeRun(tested)} imported into; nothing was sent.`, {
    hint: 'Point sites.live at the production site; the test import belongs on a separate test site.',
  });
}

/**
 * Live results get a folder of their own (default migrate-results/live/): compare reads the test
 * results, which a live run must never overwrite.
 */
function liveOutDir(flag: string | undefined, config: ResolvedConfig): string {
  const out = flag ?? join(config.outDir, 'live');
  if (resolve(out) === resolve(config.outDir)) {
    throw new InputError('live-out-is-test-results', `--out ${flag} is the folder of the test results, which live-import never overwrites.`, {
      hint: `Leave --out out (live results go to ${join(config.outDir, 'live')}), or give another folder.`,
    });
  }
  return out;
}

/** The question after the canary: the answer, undefined without a terminal, or 'interrupted' on Ctrl-C. */
async function askToContinue(): Promise<string | undefined> {
  try {
    return await confirm('Continue with the remaining rows? [y/N] ');
  } catch (error) {
    if (error instanceof PromptInterrupted) return 'interrupted';
    throw error;
  }
}

export async function run(paths: string[], flags: LiveImportFlags): Promise<void> {
  const config = await loadConfigFor(flags);
  const notifier = prepareNotifications(flags, config);
  const reportFile = await prepareHtmlReport(flags.report);
  const siteName = flags.site ?? 'live';
  if (!hasSite(config, siteName)) {
    throw new InputError('no-live-site', `live-import needs a site named "${siteName}" in the configuration.`, {
      hint: `Add sites.${siteName} ({ subdomain, apiKeyEnv }) to .migraterc; live-import never uses the embedded sandbox.`,
    });
  }
  const live = resolveSite(config, siteName);
  if (hasSite(config, 'test') && siteName !== 'test' && sameAddress(live, resolveSite(config, 'test'))) {
    throw new InputError('live-is-test', `The live site "${siteName}" is the same site as "test" (${live.baseUrl}).`, {
      hint: 'Point sites.live at the production site; the test import belongs on a separate test site.',
    });
  }
  if (live.mode === 'test') {
    throw new InputError('live-site-is-test', `Site "${siteName}" is marked mode: test.`, { hint: 'Use migrate test-import for test sites.' });
  }

  const outDir = liveOutDir(flags.out, config);
  const connection = connectSite(live, config, flags.verbose);
  try {
    const info = await connection.target.readSite();
    const identity = siteIdentityOf(info, connection.target.baseUrl);
    if (info.mode === 'test') process.stderr.write(`Note: ${live.baseUrl} reports itself as a test site.\n`);
    const runs = await listRuns(config.stateDir);
    refuseTestedSite(siteName, identity, runs);
    let files = paths;
    if (flags.continue && files.length === 0) {
      const unfinished = findUnfinishedRun(runs, 'live-import', identity.key);
      if (!unfinished) {
        throw new InputError('nothing-to-continue', `No stopped live-import into ${live.baseUrl} to continue.`, {
          hint: 'Give the files: migrate live-import <files…>.',
        });
      }
      files = unfinished.files.map((file) => file.path);
      process.stderr.write(`Continuing ${describeRun(unfinished)}.\n`);
    }
    if (files.length === 0) throw new InputError('no-files', 'live-import needs the template files to import.', { hint: 'migrate live-import <files or folders…>' });

    const inputs = await prepareInputs(files, flags);
    const hashes = inputs.prepared.inputs.map((input) => input.sha256);
    if (flags.skipTestCheck) {
      process.stderr.write('Skipping the test-import check (--skip-test-check).\n');
    } else {
      const tested = findCleanTestRun(runs, hashes);
      if (!tested) {
        const names = inputs.prepared.inputs.map((input) => basename(input.path)).join(', ');
        throw new InputError('not-tested', `These files (${names}) have not completed a test-import without row errors.`, {
          hint: 'Run migrate test-import on exactly these files first (and fix every row error), or pass --skip-test-check.',
        });
      }
      process.stderr.write(`Relying on ${describeRun(tested)}, which completed with no row errors.\n`);
    }

    if (flags.dryRun) {
      await printDryRun('live-import', inputs, connection, flags);
      return;
    }

    const canary = flags.continue ? 0 : (flags.canary ?? config.canary ?? 3);
    // Before the operator is asked: an empty canary is refused without a prompt, and the plan is shown.
    const journal = await openSiteJournal(config.stateDir, identity, 'canary-check', { exclusive: false });
    try {
      // What the site will take: the operations of kinds it has no place for are not in its plan.
      const forSite = preparedForTarget(inputs.prepared, connection.target);
      refuseEmptyCanary(forSite, journal.objects(), canary, identity);
      const plan = livePlan(forSite, journal, canary, { name: siteName, address: live.baseUrl, subdomain: info.name, identity });
      process.stderr.write(renderLivePlan(plan, createColors(colorEnabled(flags.color, process.stderr))));
    } finally {
      await journal.close();
    }

    await confirmBySiteName({ action: `This imports into the LIVE site ${live.baseUrl}.`, site: info, command: 'live-import', yes: flags.yes === true });

    const importOnce = (canaryRows: number) =>
      runWithInterrupts((signal) =>
        runImport({
          ...runContext(inputs, flags, signal, connection.target),
          outDir,
          newJournal: flags.newJournal === true,
          command: 'live-import',
          target: connection.target,
          siteName,
          ...(canaryRows > 0 ? { canary: canaryRows } : {}),
        }),
      );

    let result = await importOnce(canary);
    if (result.document.stopped === 'canary') {
      process.stderr.write('Canary rows imported; review them on the site:\n');
      for (const row of result.document.rows.filter((r) => r.status !== 'pending')) {
        process.stderr.write(`  ${row.file} row ${row.row} (${row.key}): ${row.status} ${row.result}\n`);
      }
      const answer = result.document.summary.error === 0 ? await askToContinue() : undefined;
      if (answer === 'interrupted') {
        // The canary's results are written and its run record closed: report them, then exit 130.
        await reportRun(result, flags, notifier, reportFile);
        process.exitCode = ExitCode.interrupted;
        return;
      }
      if (answer !== undefined && /^y(es)?$/i.test(answer)) result = await importOnce(0);
    }
    await reportRun(result, flags, notifier, reportFile);
  } finally {
    await connection.close();
  }
}
