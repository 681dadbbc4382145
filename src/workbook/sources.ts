// One way in for every input path: a CSV file is one source, a workbook one source per template sheet
// (with the sheets it skipped and those it could not read); other spreadsheet formats are refused.
import { extname } from 'node:path';
import { openCsv } from '../csv/reader.js';
import type { CsvSource } from '../csv/types.js';
import { InputError } from '../errors.js';
import type { TemplateKind } from '../templates/types.js';
import { isOtherSpreadsheetPath, isWorkbookPath } from './location.js';
import { openWorkbook, type SkippedSheet, type UnreadableSheet } from './reader.js';

/** A template's rows: a CSV file, or a workbook's sheet (`sheet`, with the kind its header was detected as). */
export interface TemplateSource extends CsvSource {
  sheet?: string;
  kind?: TemplateKind;
}

export interface OpenedInput {
  sources: TemplateSource[];
  /** A workbook's sheets left out (empty, or not a template): reported as notices. */
  skipped: SkippedSheet[];
  /** A workbook's template sheets that cannot be read: reported as unreadable inputs. */
  unreadable: UnreadableSheet[];
}

export interface OpenInputOptions {
  /** Hash the file's bytes as the records stream (`sha256()`: for a sheet, the whole workbook's). */
  hash?: boolean;
  /** Kind forced on a workbook's sheets (`--template`); CSV files are detected by the caller. */
  template?: string;
}

/** Opens one input path as its sources; a path that gives none (an unreadable file) throws its InputError. */
export async function openInput(path: string, options: OpenInputOptions = {}): Promise<OpenedInput> {
  if (isWorkbookPath(path)) return openWorkbook(path, options);
  if (isOtherSpreadsheetPath(path)) {
    throw new InputError('spreadsheet-format', `This is a ${extname(path).slice(1)} spreadsheet, which is read only as .xlsx.`, {
      location: { file: path },
      hint: 'Save it as an Excel Workbook (.xlsx) and give that file, or export each sheet as CSV UTF-8.',
    });
  }
  return { sources: [await openCsv(path, { hash: options.hash === true })], skipped: [], unreadable: [] };
}
