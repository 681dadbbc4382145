// The email sent when a run ends: its subject (outcome and counts), a plain-text body with what a
// person needs, and the JSON report attached as it was printed. Composing only; smtp.ts sends.
import { dirname } from 'node:path';
import { formatDuration, shownCounts, subjectOf, type RunSummary } from './run-summary.js';

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

/** The mail for `summary`, with `reportJson` (the document `--format json` prints) attached. */
export function composeEmail(summary: RunSummary, reportJson: string, envelope: { from: string; to: string[] }): MailMessage {
  const filename = attachmentName(summary);
  return {
    from: envelope.from,
    to: envelope.to,
    subject: subjectOf(summary),
    text: bodyText(summary, filename),
    attachments: [{ filename, content: reportJson, contentType: 'application/json' }],
  };
}

/** "migrate-test-import-20261123T130000Z-1a2b3c.json"; erase has no run id. */
export function attachmentName(summary: RunSummary): string {
  return `migrate-${summary.command}${summary.run === undefined ? '' : `-${summary.run}`}.json`;
}

/** The folders the result files are in, as absolute paths: the mail is read far from the working folder. */
export function resultFolders(summary: RunSummary): string[] {
  return [...new Set(summary.resultFiles.map((file) => dirname(file)))];
}

function bodyText(summary: RunSummary, filename: string): string {
  const head: Array<[string, string]> = [
    ['Site', summary.site],
    ['Folder', summary.folder],
    ...(summary.run === undefined ? [] : [['Run', summary.run] as [string, string]]),
    ...summary.details.map((detail): [string, string] => [detail.label, detail.text]),
    ['Duration', formatDuration(summary.elapsedMs)],
  ];
  const counts = shownCounts(summary);
  const width = Math.max(...counts.map((count) => String(count.value).length));
  const folders = resultFolders(summary);
  const lines = [
    `migrate ${summary.command} ended: ${summary.outcome}.`,
    '',
    ...aligned(head),
    '',
    ...counts.map((count) => `${String(count.value).padStart(width)}  ${count.label}`),
  ];
  for (const list of summary.attention) lines.push('', `${list.title}:`, ...list.lines.map((line) => `  ${line}`));
  lines.push(
    '',
    ...aligned([
      ...(summary.command === 'erase' ? [] : [['Results', folders.length === 0 ? 'no annotated file written' : `${summary.resultFiles.length} annotated files in ${folders.join(', ')}`] as [string, string]]),
      ['Next', summary.next],
    ]),
    '',
    `The JSON report (what --format json prints) is attached as ${filename}.`,
  );
  return `${lines.join('\n')}\n`;
}

function aligned(pairs: Array<[string, string]>): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length)) + 1;
  return pairs.map(([label, text]) => `${`${label}:`.padEnd(width)}  ${text}`);
}
