// Test helper: LibreOffice (Debian's, headless) opens a workbook and saves it as CSV (every sheet) or as
// xlsx, so tests check what another spreadsheet program reads. Each call has its own profile folder, so
// calls run in parallel.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';

const run = promisify(execFile);

/** A LibreOffice start takes seconds; a conversion's limit. */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;

/**
 * CSV as the cells are shown (formats applied), UTF-8, comma and double quotes, every sheet to its own
 * file `<name>-<sheet>.csv` (the last token, -1; LibreOffice 7.2 and later).
 */
const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

async function convert(inputs: string[], outDir: string, target: string): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  try {
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', target, '--outdir', outDir, ...inputs], {
      timeout: LIBREOFFICE_TIMEOUT_MS,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Each workbook's sheets as LibreOffice shows their cells: workbook path → sheet name → rows of cells. */
export async function sheetsAsLibreOfficeShowsThem(workbooks: string[], outDir: string): Promise<Map<string, Map<string, string[][]>>> {
  await convert(workbooks, outDir, CSV_EVERY_SHEET);
  const files = await readdir(outDir);
  const result = new Map<string, Map<string, string[][]>>();
  for (const workbook of workbooks) {
    const prefix = `${basename(workbook, extname(workbook))}-`;
    const sheets = new Map<string, string[][]>();
    for (const file of files.filter((name) => name.startsWith(prefix) && name.endsWith('.csv'))) {
      sheets.set(file.slice(prefix.length, -'.csv'.length), parse(await readFile(join(outDir, file)), { relaxColumnCount: true }) as string[][]);
    }
    if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${workbook} in ${outDir}`);
    result.set(workbook, sheets);
  }
  return result;
}

/** LibreOffice opens `workbook` and saves it again as xlsx in `outDir`; returns the new file's path. */
export async function resavedByLibreOffice(workbook: string, outDir: string): Promise<string> {
  await convert([workbook], outDir, 'xlsx');
  const path = join(outDir, basename(workbook));
  await readFile(path).catch(() => {
    throw new Error(`LibreOffice did not save ${workbook} as ${path}`);
  });
  return path;
}
