// Turns the files and folders given on the command line into the list of files to read: files as given
// (CSV files and workbooks), the .csv files inside folders, and the workbooks of a results folder.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isWorkbookPath } from '../workbook/location.js';
import type { IgnoreTest } from './ignore.js';

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

/** What the paths on the command line come to: the files to read, the paths that give none, and what --ignore left out. */
export interface CollectedInputs {
  /** Files to read, in the order given (a folder's files sorted by path); each listed once. */
  files: string[];
  /** A path that is missing or unreadable, or a folder with no .csv file to read: one error each, in the order given. */
  problems: InputError[];
  /** Files --ignore left out. */
  ignored: string[];
}

/**
 * The files the paths name, and each path that names none as an error (so a command can report them
 * all at once). Files are kept as given (whatever their extension); a folder contributes every `.csv`
 * file inside it, recursively, sorted by path, and a results folder (see csvFilesUnder) its workbooks. A file reached twice is listed once, at its first place.
 * `ignore` leaves out files matched as given or, inside a folder, relative to it (see ./ignore.ts).
 */
export async function collectInputs(paths: string[], ignore: IgnoreTest = () => false): Promise<CollectedInputs> {
  if (paths.length === 0) {
    throw new InputError('input-missing', 'No input files given.', { hint: 'Give one or more CSV files, workbooks (.xlsx) or folders, e.g. `migrate validate templates/`.' });
  }
  const collected: CollectedInputs = { files: [], problems: [], ignored: [] };
  const seen = new Set<string>();
  const add = (file: string, relativeToFolder?: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    if (ignore(file, relativeToFolder)) collected.ignored.push(file);
    else collected.files.push(file);
  };
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      collected.problems.push(
        new InputError('input-not-found', error.code === 'ENOENT' ? 'No such file or folder.' : `Cannot read this path (${error.code ?? error.message}).`, {
          location: { file: path },
          hint: 'Check the path and its spelling.',
        }),
      );
      return undefined;
    });
    if (info === undefined) continue;
    if (!info.isDirectory()) {
      add(path);
      continue;
    }
    const { csv: found, workbooks } = await csvFilesUnder(path);
    const ignoredBefore = collected.ignored.length;
    found.forEach((file) => add(file, relative(path, file)));
    const ignoredHere = found.length > 0 && collected.ignored.length - ignoredBefore === found.length;
    if (found.length === 0 || ignoredHere) {
      collected.problems.push(
        new InputError('input-no-csv', ignoredHere ? 'This folder has no .csv files other than those --ignore leaves out.' : 'This folder has no .csv files.', {
          location: { file: path },
          hint: ignoredHere
            ? 'Check the --ignore patterns, or give the files themselves.'
            : workbooks.length > 0
              ? `A folder is searched for .csv files only; give the workbook itself: ${workbooks.slice(0, 3).map((file) => `migrate validate ${file}`).join(', ')}.`
              : 'Export the templates as CSV into it, or give the files themselves.',
        }),
      );
    }
  }
  return collected;
}

/** The files the paths name, for commands that stop at the first path that names none (its error is thrown). */
export async function collectCsvFiles(paths: string[]): Promise<string[]> {
  const { files, problems } = await collectInputs(paths);
  if (problems[0] !== undefined) throw problems[0];
  return files;
}

/**
 * The .csv files under a folder, and the workbooks beside them (named in the error when there is no
 * CSV). A folder of templates is never searched for workbooks: the bundled sample holds its data both
 * ways. A results folder (an import's, holding RESULT_SITES_FILE) is the toolkit's own output, where a
 * workbook is the annotated copy of one given by name: its workbooks are read as its CSV files are, so
 * `compare migrate-results` reads a workbook's results.
 */
async function csvFilesUnder(folder: string): Promise<{ csv: string[]; workbooks: string[] }> {
  const found: string[] = [];
  const workbooks: string[] = [];
  const results = await exists(join(folder, RESULT_SITES_FILE));
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    // Hidden entries and office lock files ("~$name.csv") are never templates.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !(await exists(join(path, RESULT_SITES_FILE)))) {
        const below = await csvFilesUnder(path);
        found.push(...below.csv);
        workbooks.push(...below.workbooks);
      }
    } else if (isWorkbookPath(entry.name) && !results) {
      workbooks.push(path);
    } else if ((entry.name.toLowerCase().endsWith('.csv') && entry.name !== MISMATCH_REPORT_FILE) || isWorkbookPath(entry.name)) {
      // Symbolic links count when they point at a file; linked folders are not followed (no cycles).
      if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)))) found.push(path);
    }
  }
  return { csv: found.sort(comparePaths), workbooks: workbooks.sort(comparePaths) };
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
