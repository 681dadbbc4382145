// Turns the files and folders given on the command line into the list of CSV files to read.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** Folders never searched: hidden ones (.git, .migrate), dependencies and the toolkit's own output. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'migrate-results']);

/** The report `compare --out DIR` writes: never a template, so a folder search leaves it out. */
export const MISMATCH_REPORT_FILE = 'compare-mismatches.csv';

/**
 * Written by imports beside their result files (which site their links point into). A folder holding
 * one inside a folder being searched is another run's output — live results in migrate-results/live/ —
 * and is left out, so `compare migrate-results` reads the test results only.
 */
export const RESULT_SITES_FILE = 'result-sites.json';

/**
 * Files are kept as given (whatever their extension); a folder contributes every `.csv` file inside it,
 * recursively, sorted by path. A file reached twice is listed once, at its first place.
 */
export async function collectCsvFiles(paths: string[]): Promise<string[]> {
  if (paths.length === 0) {
    throw new InputError('input-missing', 'No input files given.', { hint: 'Give one or more CSV files or folders, e.g. `migrate validate templates/`.' });
  }
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new InputError('input-not-found', error.code === 'ENOENT' ? 'No such file or folder.' : `Cannot read this path (${error.code ?? error.message}).`, {
        location: { file: path },
        hint: 'Check the path and its spelling.',
      });
    });
    if (!info.isDirectory()) {
      add(path);
      continue;
    }
    const found = await csvFilesUnder(path);
    if (found.length === 0) {
      throw new InputError('input-no-csv', 'This folder has no .csv files.', {
        location: { file: path },
        hint: 'Export the templates as CSV into it, or give the files themselves.',
      });
    }
    found.forEach(add);
  }
  return files;
}

async function csvFilesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    // Hidden entries and office lock files ("~$name.csv") are never templates.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !(await exists(join(path, RESULT_SITES_FILE)))) found.push(...(await csvFilesUnder(path)));
    } else if (entry.name.toLowerCase().endsWith('.csv') && entry.name !== MISMATCH_REPORT_FILE) {
      // Symbolic links count when they point at a file; linked folders are not followed (no cycles).
      if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)))) found.push(path);
    }
  }
  return found.sort(comparePaths);
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
