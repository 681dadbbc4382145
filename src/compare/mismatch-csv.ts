// `compare --out DIR`: the mismatched rows as a CSV (compare-mismatches.csv), through the shared writer.
import { join } from 'node:path';
import { MISMATCH_REPORT_FILE } from '../csv/inputs.js';
import { writeCsvRows } from '../csv/writer.js';
import { formatMoney } from '../pricing/index.js';
import { sortedMismatches, type CompareReport } from './comparison.js';
import { describeRenewal } from './mrr.js';

export const MISMATCH_HEADER: readonly string[] = ['file', 'row', 'kind', 'key', 'currency', 'source', 'expected', 'actual', 'difference', 'explanation', 'site_lines', 'template_values'];

/** Writes the CSV (header only when nothing differs, so a CI step always finds the file); returns its path. */
export async function writeMismatchCsv(report: CompareReport, outDir: string): Promise<string> {
  const path = join(outDir, MISMATCH_REPORT_FILE);
  const rows = sortedMismatches(report.mismatches).map((mismatch) => [
    mismatch.file,
    String(mismatch.row),
    mismatch.kind,
    mismatch.key,
    mismatch.currency,
    mismatch.source,
    formatMoney(mismatch.expected, mismatch.currency),
    formatMoney(mismatch.actual, mismatch.currency),
    formatMoney(mismatch.difference, mismatch.currency),
    [...(mismatch.renewal ? [`MRR from renewal: ${describeRenewal(mismatch.renewal, mismatch.currency)}`] : []), ...(mismatch.explanation?.causes.map((cause) => cause.message) ?? [])].join(' | '),
    mismatch.explanation?.site.join(' · ') ?? '',
    mismatch.explanation?.template.join(' · ') ?? '',
  ]);
  await writeCsvRows(path, [...MISMATCH_HEADER], rows);
  return path;
}
