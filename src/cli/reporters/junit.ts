// JUnit XML for CI test tabs: a generic writer of suites and cases (well-formed, escaped, characters
// XML forbids removed) and the validate mapping: one suite per file, one case per row with findings
// (a file that could not be read: one failed case). Counts by rule are left to the failures' `type`.
import type { Finding } from '../../rules/finding.js';
import { isDataNotEnabled } from '../../validate/index.js';
import { unreadableFinding } from '../../validate/rule-summary.js';
import { fileLevelWhere, findingCell, rowGroups, sourceTitle, type UnreadableFile, type ValidateReport } from './types.js';

export interface JunitCase {
  name: string;
  classname: string;
  /** Present when the case failed. */
  failure?: { type: string; message: string; body: string };
  /** Extra output shown with a passing case (warnings). */
  systemOut?: string;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
  /** Counts CI tools show beside the suite (`<properties>`), e.g. rows with data that are not enabled. */
  properties?: Record<string, string | number>;
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Escapes element text, keeping line breaks readable. */
function escapeXmlText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

export function renderJunit(name: string, suites: readonly JunitSuite[]): string {
  const count = (suite: JunitSuite) => suite.cases.length;
  const failures = (suite: JunitSuite) => suite.cases.filter((c) => c.failure).length;
  const total = suites.reduce((sum, suite) => sum + count(suite), 0);
  const failed = suites.reduce((sum, suite) => sum + failures(suite), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${escapeXml(name)}" tests="${total}" failures="${failed}" errors="0">`);
  for (const suite of suites) {
    out.push(`  <testsuite name="${escapeXml(suite.name)}" tests="${count(suite)}" failures="${failures(suite)}" errors="0" skipped="0">`);
    const properties = Object.entries(suite.properties ?? {});
    if (properties.length > 0) {
      out.push('    <properties>');
      for (const [name, value] of properties) out.push(`      <property name="${escapeXml(name)}" value="${escapeXml(String(value))}"/>`);
      out.push('    </properties>');
    }
    for (const testCase of suite.cases) {
      const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.classname)}"`;
      if (!testCase.failure && testCase.systemOut === undefined) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (testCase.failure) {
        const { type, message, body } = testCase.failure;
        out.push(`      <failure type="${escapeXml(type)}" message="${escapeXml(message)}">${escapeXmlText(body)}</failure>`);
      }
      if (testCase.systemOut !== undefined) out.push(`      <system-out>${escapeXmlText(testCase.systemOut)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function describeFinding(finding: Finding): string {
  const value = finding.value === '' ? '' : ` (value ${JSON.stringify(finding.value)})`;
  return `${finding.severity} [${finding.rule}] ${finding.message}${value}`;
}

export function renderValidateJunit(report: ValidateReport): string {
  const suites = report.files.map((file): JunitSuite => ({
    name: sourceTitle(file),
    properties: { notEnabledRows: file.findings.filter(isDataNotEnabled).length },
    cases: rowGroups(file.findings).map((group): JunitCase => {
      const errors = group.findings.filter((finding) => finding.severity === 'error');
      const where = file.sheet === undefined ? `row ${group.row}` : `row ${group.row} (${findingCell({ sheet: file.sheet, row: group.row })})`;
      const name = `${where}${group.key ? ` (${group.key})` : ''}`;
      const body = group.findings.map(describeFinding).join('\n');
      if (errors.length === 0) return { name, classname: `${file.template}`, systemOut: body };
      return {
        name,
        classname: file.template,
        failure: {
          type: errors[0].rule,
          message: errors.map((finding) => finding.message).join(' | '),
          body,
        },
      };
    }),
  }));
  suites.push(...report.unreadable.map(unreadableSuite));
  // A skipped sheet is a suite with one passing case that says why: CI shows it, and nothing fails.
  for (const sheet of report.skippedSheets ?? []) suites.push({ name: sourceTitle(sheet), cases: [{ name: 'sheet skipped', classname: sheet.reason, systemOut: sheet.message }] });
  return renderJunit('migrate validate', suites);
}

/** A file that could not be read: its suite holds one failed case, "file not read", with the error and where. */
function unreadableSuite(file: UnreadableFile): JunitSuite {
  const finding = unreadableFinding(file);
  const where = fileLevelWhere(finding);
  return {
    name: sourceTitle(file),
    cases: [
      {
        name: 'file not read',
        classname: file.template ?? file.path,
        failure: { type: finding.rule, message: finding.message, body: `error [${finding.rule}] ${where ? `${where}: ` : ''}${finding.message}` },
      },
    ],
  };
}
