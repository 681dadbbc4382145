// `migrate validate`: checks template files and prints the report in the chosen format; exit 0 when
// no row has errors, 1 when some do, 2 for a usage error (thrown InputError, no report) or, once the
// whole report is printed, when an input file could not be read (it is reported and skipped).
import { loadConfig } from '../../config/index.js';
import { SITE_RULES } from '../../targets/index.js';
import { ignoreTest } from '../../csv/ignore.js';
import { collectInputs } from '../../csv/inputs.js';
import { ExitCode, formatErrorLine } from '../../errors.js';
import { startSpinner } from '../../progress/spinner.js';
import { summarizeValidation, validateFiles, type FileReport, type UnreadableFile, type ValidationReport } from '../../validate/index.js';
import { sourceKey } from '../../workbook/location.js';
import { writeValidateResults } from '../../validate/result-files.js';
import { parseMaxFindings, parseTemplateKind, resolveAsOf, type ReportFormat } from '../options.js';
import { renderValidateReport } from '../reporters/index.js';
import { renderValidateHtml } from '../reporters/html/validate.js';
import { plural } from '../reporters/summary.js';
import { wrapForStream } from '../reporters/wrap-text.js';
import { prepareHtmlReport } from '../session/html-report.js';
import { reportColors } from '../session/report-colors.js';

export interface ValidateFlags {
  template?: string;
  catalog?: string[];
  /** --ignore: globs of input (and catalog) files to leave out. */
  ignore?: string[];
  asOf?: string;
  format: ReportFormat;
  /** --report FILE.html: the HTML page, written beside what --format prints. */
  report?: string;
  /** --max-findings as typed: findings listed per file in the pretty report. */
  maxFindings?: string;
  out?: string;
  /** Also warn where YourExpectedRenewal disagrees with the catalog's price (src/compare/preview.ts). */
  preview?: boolean;
  color?: boolean;
}

export async function run(paths: string[], options: ValidateFlags): Promise<void> {
  const { format } = options;
  const template = options.template === undefined ? undefined : parseTemplateKind(options.template);
  const maxFindings = parseMaxFindings(options.maxFindings);
  // The configuration only supplies the default as-of date: with --as-of, a CI run does not depend on it.
  const asOf = resolveAsOf(options.asOf, options.asOf === undefined ? await loadConfig({ systems: SITE_RULES }) : {});
  const ignore = ignoreTest(options.ignore ?? []);
  const inputs = await collectInputs(paths, ignore);
  const catalog = options.catalog && options.catalog.length > 0 ? await collectInputs(options.catalog, ignore) : undefined;
  const reportFile = await prepareHtmlReport(options.report);

  const spinner = startSpinner(`Validating ${plural(inputs.files.length, 'file')}…`, process.stderr);
  let report: ValidationReport;
  try {
    report = await validateFiles(inputs.files, { asOf, template, ...(catalog ? { catalogPaths: catalog.files } : {}) });
    // Paths that name no file (missing, a folder without templates) are reported first, as unreadable files.
    const pathProblems = [...inputs.problems, ...(catalog?.problems ?? [])].map((error): UnreadableFile => ({ path: error.location.file ?? '', error }));
    const unreadable = [...pathProblems, ...report.unreadable];
    report = { ...report, unreadable, summary: summarizeValidation(report.files, unreadable, inputs.ignored.length + (catalog?.ignored.length ?? 0)) };
    if (options.preview) report = await withRenewalPreview(report, catalog?.files ?? []);
    if (options.out !== undefined) await writeValidateResults(report, options.out);
  } finally {
    spinner?.stop();
  }

  const colors = reportColors(format, options.color);
  const text = renderValidateReport(format, report, colors, { maxFindings });
  if (reportFile) await reportFile.write(format === 'html' ? text : renderValidateHtml(report));
  // Only the pretty report is for people: the CI formats stay exactly as their readers parse them.
  process.stdout.write(format === 'pretty' ? wrapForStream(text, process.stdout) : text);
  process.exitCode = report.unreadable.length > 0 ? ExitCode.usage : report.summary.errors > 0 ? ExitCode.rowErrors : ExitCode.ok;
  // As every input error, each also gets its one line on stderr (a CI log shows it whatever the format).
  for (const file of report.unreadable) process.stderr.write(`migrate: ${formatErrorLine(file.error)}\n`);
  if (report.unreadable.length > 0) {
    const { unreadableFiles, files } = report.summary;
    const [them, verb] = unreadableFiles === 1 ? ['it', 'was'] : ['them', 'were'];
    process.stderr.write(`migrate: ${unreadableFiles} of ${plural(files, 'input file')} could not be read and ${verb} skipped; fix ${them} (the report says how) or leave ${them} out with --ignore.\n`);
  }
}

/** The report with `validate --preview`'s warnings added to their files' findings, and the summary recounted. */
async function withRenewalPreview(report: ValidationReport, catalogPaths: string[]): Promise<ValidationReport> {
  const { previewRenewalFindings } = await import('../../compare/preview.js');
  const kinds = new Map(report.files.map((file) => [sourceKey(file), file.template]));
  // Only files that could be read are priced: an unreadable one is already reported (a workbook's unreadable sheet is left out by the reader).
  const unreadable = new Set(report.unreadable.filter((file) => file.sheet === undefined).map((file) => file.path));
  const paths = [...new Set(report.files.map((file) => file.path))].filter((path) => !unreadable.has(path));
  const findings = await previewRenewalFindings(paths, catalogPaths.filter((path) => !unreadable.has(path)), undefined, kinds);
  const ofFile = (file: FileReport) => findings.filter((finding) => finding.file === file.path && finding.sheet === file.sheet);
  const reportFiles = report.files.map((file) => ({ ...file, findings: [...file.findings, ...ofFile(file)] }));
  return { ...report, files: reportFiles, summary: summarizeValidation(reportFiles, report.unreadable, report.summary.ignoredFiles) };
}
