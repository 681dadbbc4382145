// `migrate test-import`: validates, then imports every valid row into the test site (or the embedded
// sandbox), journaling each create; writes annotated copies and the summary. Exit 0/1/2/3/130.
import { InputError } from '../../errors.js';
import { runImport } from '../../importer/run-import.js';
import { printDryRun } from '../session/dry-run.js';
import { prepareHtmlReport } from '../session/html-report.js';
import { prepareInputs, runContext, type ImportFlags } from '../session/inputs.js';
import { runWithInterrupts } from '../session/interrupts.js';
import { prepareNotifications } from '../session/notify-run.js';
import { reportRun } from '../session/report-run.js';
import { checkSystemFlag, connectTestSite, resolveTestSite } from '../session/sites.js';

export async function run(paths: string[], flags: ImportFlags): Promise<void> {
  const inputs = await prepareInputs(paths, flags);
  const notifier = prepareNotifications(flags, inputs.config);
  const reportFile = await prepareHtmlReport(flags.report);
  const { name: siteName, site } = resolveTestSite(inputs.config, flags.site);
  if (site?.mode === 'live') {
    throw new InputError('test-import-live-site', `Site "${siteName}" is marked mode: live; test-import only imports into test sites.`, {
      hint: 'Use migrate live-import for the live site, or point the test site at a test site.',
    });
  }
  checkSystemFlag(site, flags.system);
  const connection = await connectTestSite(site, inputs.config, 'test-import', flags.verbose, flags.system);
  try {
    const info = await connection.target.readSite();
    if (info.mode === 'live') {
      throw new InputError('test-import-live-site', `${connection.target.baseUrl} is a live site; test-import only imports into test sites.`, {
        hint: 'Configure a test site as sites.test, and use migrate live-import for the live one.',
      });
    }
    if (flags.dryRun) {
      await printDryRun('test-import', inputs, connection, flags);
      return;
    }
    const result = await runWithInterrupts((signal) =>
      runImport({
        ...runContext(inputs, flags, signal, connection.target),
        newJournal: flags.newJournal === true,
        command: 'test-import',
        target: connection.target,
        siteName: connection.siteName,
      }),
    );
    await reportRun(result, flags, notifier, reportFile);
  } finally {
    await connection.close();
  }
}
