// `migrate validate`: checks template files and prints the report in the chosen format; exit 0 when
// no row has errors, 1 when some do, 2 (thrown InputError) for a usage or input-file problem.
import { loadConfig } from '../../config/index.js';
import { collectCsvFiles } from '../../csv/inputs.js';
import { ExitCode } from '../../errors.js';
import { startSpinner } from '../../progress/spinner.js';
import { summarizeValidation, validateFiles, type ValidationReport } from '../../validate/index.js';
import { writeValidateResults } from '../../validate/result-files.js';
import { parseTemplateKind, resolveAsOf, type ReportFormat } from '../options.js';
import { renderValidateReport } from '../reporters/index.js';
import { wrapForStream } from '../reporters/wrap-text.js';
import { reportColors } from '../session/report-colors.js';

export interface ValidateFlags {
  template?: string;
  catalog?: string[];
  asOf?: string;
  format: ReportFormat;
  out?: string;
  /** Also warn where YourExpectedRenewal disagrees with the catalog's price (src/compare/preview.ts). */
  preview?: boolean;
  color?: boolean;
}

export async function run(paths: string[], options: ValidateFlags): Promise<void> {
  const { format } = options;
  const template = options.template === undefined ? undefined : parseTemplateKind(options.template);
  // The configuration only supplies the default as-of date: with --as-of, a CI run does not depend on it.
  const asOf = resolveAsOf(options.asOf, options.asOf === undefined ? await loadConfig() : {});
  const files = await collectCsvFiles(paths);
  const catalogPaths = options.catalog && options.catalog.length > 0 ? await collectCsvFiles(options.catalog) : undefined;

  const spinner = startSpinner(`Validating ${files.length} file${files.length === 1 ? '' : 's'}…`, process.stderr);
  let report;
  try {
    report = await validateFiles(files, { asOf, template, catalogPaths });
    if (options.preview) report = await withRenewalPreview(report, files, catalogPaths ?? []);
    if (options.out !== undefined) await writeValidateResults(report, options.out);
  } finally {
    spinner?.stop();
  }

  const colors = reportColors(format, options.color);
  const text = renderValidateReport(format, report, colors);
  // Only the pretty report is for people: the CI formats stay exactly as their readers parse them.
  process.stdout.write(format === 'pretty' ? wrapForStream(text, process.stdout) : text);
  process.exitCode = report.summary.errors > 0 ? ExitCode.rowErrors : ExitCode.ok;
}

/** The report with `validate --preview`'s warnings added to their files' findings, and the summary recounted. */
async function withRenewalPreview(report: ValidationReport, files: string[], catalogPaths: string[]): Promise<ValidationReport> {
  const { previewRenewalFindings } = await import('../../compare/preview.js');
  const kinds = new Map(report.files.map((file) => [file.path, file.template]));
  const findings = await previewRenewalFindings(files, catalogPaths, undefined, kinds);
  const reportFiles = report.files.map((file) => ({ ...file, findings: [...file.findings, ...findings.filter((finding) => finding.file === file.path)] }));
  return { ...report, files: reportFiles, summary: summarizeValidation(reportFiles) };
}
