// Picks the validate reporter for a --format: every reporter is a pure function from the report to text.
import type { ReportFormat } from '../options.js';
import type { Colors } from './colors.js';
import { renderValidateGithub } from './github.js';
import { renderValidateHtml } from './html/validate.js';
import { renderValidateJson } from './json.js';
import { renderValidateJunit } from './junit.js';
import { renderValidatePretty } from './pretty.js';
import type { ReportLimits, ValidateReport } from './types.js';

/** The report as text; `limits` shape the pretty report only (the machine formats list every finding). */
export function renderValidateReport(format: ReportFormat, report: ValidateReport, colors: Colors, limits: ReportLimits): string {
  switch (format) {
    case 'pretty':
      return renderValidatePretty(report, colors, limits);
    case 'json':
      return renderValidateJson(report);
    case 'github':
      return renderValidateGithub(report);
    case 'junit':
      return renderValidateJunit(report);
    case 'html':
      return renderValidateHtml(report);
  }
}
