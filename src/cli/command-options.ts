// The flags test-import, live-import, resync and erase declare alike, and how their values reach the
// command modules: one spelling and one help text for each, so the commands cannot drift apart.
import { InputError } from '../errors.js';
import { parseEmailAddresses } from '../notify/email-settings.js';
import { checkNotifyUrl, parseNotifyFormat } from '../notify/webhook.js';
import { TARGET_SYSTEMS } from '../targets/index.js';
import { parseSystem } from './options.js';
import { Option, type Command } from 'commander';
import type { ImportFlags } from './session/inputs.js';
import type { NotifyFlags } from './session/notify-run.js';

/** --config: every command that talks to a site reads its configuration the same way. */
export function configOption(): Option {
  return new Option('--config <file>', 'configuration file (default: .migraterc* found from the current folder)');
}

/** --format: the commands that write to a site report as pretty text or JSON only. */
export function formatOption(): Option {
  return new Option('--format <format>', 'report format: pretty or json (default: pretty)');
}

/** --yes: skip the typed-subdomain confirmation. */
export function yesOption(help = 'do not ask for the site subdomain (for scripts)'): Option {
  return new Option('--yes', help);
}

/** --ignore GLOB (repeatable): the input files a command that reads template files leaves out. */
export function ignoreOption(): Option {
  return new Option('--ignore <glob>', 'leave out input files matching this glob, as given or relative to the folder searched (e.g. notes.csv, "archive/**"); repeatable').argParser(
    (value: string, previous: string[] = []) => [...previous, value],
  );
}

/** --site, --config, --template, --ignore, --as-of, --out, --format: the commands that read template files. */
export function addTemplateRunOptions(command: Command, siteHelp: string, outHelp = 'folder for the annotated result files (default: migrate-results/)'): Command {
  return command
    .option('--site <name>', siteHelp)
    .addOption(configOption())
    .option('--template <kind>', 'treat every file as this template kind instead of detecting it from the header')
    .addOption(ignoreOption())
    .option('--as-of <date>', 'judge date rules against this calendar date YYYY-MM-DD')
    .option('--out <dir>', outHelp)
    .addOption(formatOption());
}

/** Custom fields named by the templates but missing on the site: created only when asked (test-import, live-import, resync). */
export function createCustomFieldsOption(): Option {
  return new Option('--create-custom-fields', 'create custom fields the site lacks (default: list them and stop, nothing sent)');
}

/** --system: which system's embedded sandbox a command uses when no site is configured (test-import, compare). */
export function systemOption(): Option {
  return new Option('--system <system>', `with no site configured: the embedded sandbox of this billing system (${TARGET_SYSTEMS.join(' or ')}; default advanced-billing)`);
}

/** The --system value, checked against the systems the configuration knows. */
export function systemOf(options: Record<string, unknown>): string | undefined {
  return options.system === undefined ? undefined : parseSystem(String(options.system));
}

/** --notify-url, --notify-format and --notify-email: who is told when a run ends (test-import, live-import, resync, erase). */
export function addNotifyOptions(command: Command): Command {
  return command
    .option('--notify-url <url>', 'POST the outcome to this https:// URL when the run ends (checked before the run)')
    .option('--notify-format <shape>', 'what --notify-url gets: json (the report, the default) or slack (an incoming-webhook message)')
    .option('--notify-email <address>', 'email the outcome, with the JSON report attached, to this address when the run ends; repeatable or comma-separated', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ]);
}

/** The notification flags, checked now: a bad URL, format or address is exit 2 before anything is sent. */
export function notifyFlagsOf(options: Record<string, unknown>): Required<Pick<NotifyFlags, 'notifyFormat' | 'notifyEmail'>> & Pick<NotifyFlags, 'notifyUrl'> {
  const url = options.notifyUrl as string | undefined;
  if (url !== undefined) checkNotifyUrl(url);
  if (options.notifyFormat !== undefined && url === undefined) {
    throw new InputError('notify-format-needs-url', '--notify-format says what --notify-url gets, and goes with it.', { hint: 'migrate … --notify-url https://hooks.slack.com/services/… --notify-format slack' });
  }
  return { notifyUrl: url, notifyFormat: parseNotifyFormat(options.notifyFormat as string | undefined), notifyEmail: parseEmailAddresses((options.notifyEmail as string[] | undefined) ?? []) };
}

/** --dry-run, --report, the notification flags, --create-custom-fields and --new-journal as test-import and live-import declare them. */
export function addImportRunOptions(command: Command): Command {
  return addNotifyOptions(
    command
      .option('--dry-run', 'print the plan (objects per type, API calls, estimated duration) and send nothing')
      .option('--summary', 'with --dry-run: the counts only, without every operation')
      .option('--report <file>', "also write the run's summary as an HTML page to this file (e.g. import.html), whatever --format prints"),
  )
    .addOption(createCustomFieldsOption())
    .option('--new-journal', 'this site is new to the state folder although another site with its name is journaled: give it a journal of its own');
}

/** The flags every site-writing command passes on: the site, configuration, format, dry run and the global --no-color/--verbose. */
export function siteFlagsOf(options: Record<string, unknown>, command: Command): Pick<ImportFlags, 'site' | 'config' | 'color'> & { format?: string; dryRun: boolean; verbose: boolean } {
  const all = command.optsWithGlobals();
  return {
    site: options.site as string | undefined,
    config: options.config as string | undefined,
    format: options.format as string | undefined,
    dryRun: options.dryRun === true,
    color: all.color as boolean | undefined,
    verbose: all.verbose === true,
  };
}

/** The flags of a command declared with addTemplateRunOptions (and addImportRunOptions); parseCli checks --format. */
export function importFlagsOf(options: Record<string, unknown>, command: Command): Omit<ImportFlags, 'format'> & { format?: string } {
  if (options.summary === true && options.dryRun !== true) {
    throw new InputError('summary-needs-dry-run', '--summary shortens the plan --dry-run prints, and goes with it.', { hint: `Run \`migrate ${command.name()} … --dry-run --summary\`.` });
  }
  if (options.report !== undefined && options.dryRun === true) {
    throw new InputError('report-with-dry-run', "--report writes the summary of a run, and --dry-run runs nothing.", { hint: `Drop --report from the dry run, or run \`migrate ${command.name()} … --report FILE.html\` without --dry-run.` });
  }
  return {
    ...siteFlagsOf(options, command),
    template: options.template as string | undefined,
    ignore: options.ignore as string[] | undefined,
    asOf: options.asOf as string | undefined,
    out: options.out as string | undefined,
    ...(options.report === undefined ? {} : { report: options.report as string }),
    ...notifyFlagsOf(options),
    createCustomFields: options.createCustomFields === true,
    newJournal: options.newJournal === true,
    summary: options.summary === true,
    ...(options.system === undefined ? {} : { system: systemOf(options) }),
  };
}
