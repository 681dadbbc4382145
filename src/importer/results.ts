// Row results from the objects' outcomes: a row succeeds when all its objects exist; its Result is the
// link of its main object, or the messages of what failed. Also the annotated copies and the summary.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resultPaths } from '../csv/result-paths.js';
import { sourceKey } from '../workbook/location.js';
import { outputFailureReason, SourceChangedError, writeAnnotatedCopy, writeCsvRows } from '../csv/writer.js';
import { InputError } from '../errors.js';
import type { SiteIdentity } from '../state/site-identity.js';
import type { NodeResult } from './execute.js';
import { recordResultSites } from './result-sites.js';
import { writeWorkbookResult, type ResultCellsAt } from './workbook-results.js';
import type { Finding } from '../rules/finding.js';
import type { Plan, PlanNode, RowFailure } from './plan.js';
import type { LoadedFile, LoadedRows } from './sources.js';
import type { ObjectType, SourceRow } from '../plan/operation.js';

/** `not-applicable`: the target has no place for any object of the row (its Result says why; its Status stays blank). */
export type RowStatus = 'success' | 'error' | 'pending' | 'skipped' | 'not-applicable';

export interface RowResult {
  row: SourceRow;
  status: RowStatus;
  /** Link of the row's main object, or the messages. */
  result: string;
  nextRenewal?: string;
  amount?: string;
  /** The validation errors that kept the row from being sent (the JSON report's `findings`). */
  findings?: Finding[];
}


/** Which of a row's objects its Result links to: the first kind in the target's order the row has. */
function mainNode(nodes: PlanNode[], order: readonly ObjectType[]): PlanNode | undefined {
  for (const type of order) {
    const node = nodes.find((candidate) => candidate.operation.kind === type);
    if (node) return node;
  }
  return nodes[0];
}

function describeFailure(node: PlanNode, result: NodeResult, several: boolean): string {
  const message = result.error ?? 'failed';
  return several && result.status === 'failed' ? `${node.operation.kind.replace(/_/g, ' ')}: ${message}` : message;
}

/** One row's result; `order` is the target's `profile.rowObjectOrder`. */
export function rowResultOf(row: SourceRow, nodes: PlanNode[], results: Map<PlanNode, NodeResult>, order: readonly ObjectType[], invalid?: RowFailure): RowResult {
  if (invalid !== undefined) return { row, status: 'error', result: invalid.message, ...(invalid.findings.length > 0 ? { findings: invalid.findings } : {}) };
  const outcomes = nodes.map((node) => ({ node, result: results.get(node) ?? { status: 'pending' as const } }));
  const failed = outcomes.filter(({ result }) => result.status === 'failed' || result.status === 'blocked');
  if (failed.length > 0) {
    const messages = [...new Set(failed.map(({ node, result }) => describeFailure(node, result, nodes.length > 1)))];
    return { row, status: 'error', result: messages.join(' | ') };
  }
  if (outcomes.some(({ result }) => result.status === 'pending')) return { row, status: 'pending', result: '' };
  const main = mainNode(nodes, order);
  const mainOutcome = main ? results.get(main)?.outcome : undefined;
  const subscription = outcomes.find(({ node }) => node.operation.kind === 'subscription')?.result.outcome;
  const invoice = outcomes.find(({ node }) => node.operation.kind === 'invoice')?.result.outcome;
  // A row counts as skipped (already imported) when none of its objects was created in this run.
  const createdHere = outcomes.some(({ result }) => result.status === 'done');
  return {
    row,
    status: createdHere ? 'success' : 'skipped',
    result: mainOutcome?.link ?? '',
    ...(subscription?.nextRenewal !== undefined ? { nextRenewal: subscription.nextRenewal } : {}),
    ...(invoice?.amount !== undefined ? { amount: invoice.amount } : {}),
  };
}

/** Every planned or invalid row's result, in file order. Rows already marked success in the input keep their cells. */
export function rowResults(loaded: LoadedRows, plan: Plan, results: Map<PlanNode, NodeResult>, order: readonly ObjectType[]): RowResult[] {
  const planned = new Set(loaded.rowOperations.map(({ row }) => row));
  const list: RowResult[] = [];
  for (const file of loaded.files) {
    for (const row of file.rows) {
      if (loaded.alreadyImported.has(row)) {
        list.push({ row, status: 'skipped', result: row.values.Result ?? '' });
      } else if (loaded.notApplicable?.has(row) && !loaded.invalid.has(row)) {
        list.push({ row, status: 'not-applicable', result: `not applicable: ${loaded.notApplicable.get(row)!}` });
      } else if (planned.has(row)) {
        list.push(rowResultOf(row, plan.rowNodes.get(row) ?? [], results, order, loaded.invalid.get(row)));
      }
    }
  }
  return list;
}

/**
 * Checks the output folder before anything is sent (no collisions, never over an input, creatable and
 * writable: a file is created and removed in each folder a copy goes to) and answers where each input's
 * annotated copy goes, by input path (a workbook's sheets share its one copy). A folder that cannot take the results must stop the run before its first call,
 * not after every object was sent.
 */
export async function prepareResultFiles(loaded: LoadedRows, outDir: string): Promise<Map<string, string>> {
  const paths = resultPaths(loaded.files, outDir);
  for (const folder of new Set([resolve(outDir), ...[...paths.values()].map((path) => dirname(resolve(path)))])) {
    try {
      await mkdir(folder, { recursive: true });
      const probe = join(folder, `.migrate-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
      await writeFile(probe, '', { flag: 'wx' });
      await rm(probe, { force: true });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new InputError('out-folder', `The --out folder ${folder} cannot be written (${typeof code === 'string' ? outputFailureReason(code) : (cause as Error).message}); nothing was sent.`, {
        hint: 'Choose a writable folder with --out.',
        cause,
      });
    }
  }
  return paths;
}

/** Which run wrote result files, into which site their links point. */
export interface ResultsOrigin {
  site: SiteIdentity;
  run: string;
  command: string;
}

/**
 * The cells the toolkit sets on each row of the result copies (Status, Result, ChargifyNextRenewal,
 * Amount) and the link the Result is when the row's objects exist; undefined leaves the row as it was:
 * rows this run did not plan, and rows an earlier run already marked success in this very file.
 */
function resultCellsOf(loaded: LoadedRows, rows: RowResult[]): ResultCellsAt {
  const byFileRow = new Map<string, RowResult>();
  for (const result of rows) byFileRow.set(`${sourceKey({ path: result.row.file, sheet: result.row.sheet })}\u0000${result.row.row}`, result);
  return (file, row) => {
    const result = byFileRow.get(`${sourceKey(file)}\u0000${row}`);
    if (!result || loaded.alreadyImported.has(result.row)) return undefined;
    const cells: Record<string, string> = {
      Status: result.status === 'skipped' ? 'success' : result.status === 'not-applicable' ? '' : result.status,
      Result: result.result,
    };
    if (result.nextRenewal !== undefined) cells.ChargifyNextRenewal = result.nextRenewal;
    if (result.amount !== undefined) cells.Amount = result.amount;
    const linked = (result.status === 'success' || result.status === 'skipped') && /^https?:\/\//.test(result.result);
    return { cells, ...(linked ? { link: result.result } : {}) };
  };
}

/**
 * Writes one annotated copy per input (paths from prepareResultFiles: a workbook's sheets share one)
 * and records the site their links point into (result-sites.json); returns the written paths. The copy
 * reads the input file once more rather than writing from the planned rows: those leave out blank rows
 * and keep only the first of same-named cells, and the copy must keep every row and cell of the user's
 * file where it was. The bytes read must hash as those validated: a file edited during the run would
 * put each result on another row, so its copy is then written from the rows validated instead, and
 * `log` says so (a workbook: ./workbook-results.ts).
 */
export async function writeResultFiles(
  loaded: LoadedRows,
  rows: RowResult[],
  paths: Map<string, string>,
  origin: ResultsOrigin,
  log?: (line: string) => void,
): Promise<string[]> {
  const cellsAt = resultCellsOf(loaded, rows);
  const written: string[] = [];
  const workbooks = new Map<string, LoadedFile[]>();
  for (const file of loaded.files) {
    if (file.sheet !== undefined) {
      workbooks.set(file.path, [...(workbooks.get(file.path) ?? []), file]);
      continue;
    }
    const output = paths.get(file.path)!;
    try {
      await writeAnnotatedCopy(file.path, output, (record) => cellsAt(file, record.row)?.cells, { expectedSha256: file.sha256 });
    } catch (error) {
      if (!(error instanceof SourceChangedError)) throw error;
      await writeFromValidatedRows(file, output, cellsAt);
      log?.(`${file.path} changed while the run was under way: ${output} was written from the content validated and sent, not from the file as it is now.`);
    }
    written.push(output);
  }
  for (const [path, sheets] of workbooks) {
    const output = paths.get(path)!;
    await writeWorkbookResult(sheets, output, cellsAt, log);
    written.push(output);
  }
  await recordResultSites(written, origin.site, origin.run, origin.command);
  return written;
}

/**
 * The result copy from the rows validation read: the validated header (annotation columns appended when
 * missing), each row at its row number (blank lines keep the numbering), every cell sanitised.
 */
async function writeFromValidatedRows(file: LoadedFile, output: string, cellsAt: ResultCellsAt): Promise<void> {
  const header = [...file.header];
  const annotations = new Map(file.rows.map((row) => [row, cellsAt(file, row.row)?.cells]));
  for (const cells of annotations.values()) for (const name of Object.keys(cells ?? {})) if (!header.includes(name)) header.push(name);
  const lines: string[][] = [];
  let next = 2;
  for (const row of [...file.rows].sort((a, b) => a.row - b.row)) {
    for (; next < row.row; next += 1) lines.push([]);
    const values = { ...row.values, ...annotations.get(row) };
    lines.push(header.map((name) => values[name] ?? ''));
    next = row.row + 1;
  }
  await writeCsvRows(output, header, lines, { bom: true });
}
