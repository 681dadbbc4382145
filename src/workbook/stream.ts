// exceljs's streaming workbook reader, one pass over a workbook's sheets in bounded memory, with two
// repairs: its XML is decoded as whole characters (exceljs decodes each inflated chunk on its own, so a
// character split between two chunks became U+FFFD), and a sheet left part-read is read on to its end
// (exceljs would otherwise buffer the rest of that sheet while skipping it).
import type { FileHandle } from 'node:fs/promises';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/** One sheet as the stream reaches it: iterate `rows` to read it, or leave it and it is skipped unread. */
export interface StreamedSheet {
  name: string;
  rows: AsyncIterable<ExcelJS.Row>;
}

/** What the rest of a workbook needs from its reader once some of it was read. */
export interface WorkbookFacts {
  /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  date1904(): boolean;
  /** Sheet names in tab order, once `xl/workbook.xml` was read. */
  tabOrder(): string[];
}

/** The internals of exceljs's reader this module repairs (exceljs 4.4: `lib/stream/xlsx/workbook-reader.js`). */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: Array<{ name: string }> };
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => ReaderInternals;

class RepairedReader extends Base {
  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    // setEncoding decodes through a StringDecoder, which holds a split character until its last byte.
    return super._parseSharedStrings(entry.pipe(new PassThrough()).setEncoding('utf8'));
  }

  /** The XML of the sheet last handed out, for skipping it unparsed when its rows are not read. */
  lastSheetText: AsyncGenerator<string> | undefined;

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    this.lastSheetText = wholeCharacters(iterator);
    return super._parseWorksheet(this.lastSheetText, sheetNo);
  }
}

/** The sheet's XML as text in whole characters; closed early, it reads the rest of the entry and drops it. */
async function* wholeCharacters(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const decoder = new StringDecoder('utf8');
  let ended = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        const rest = decoder.end();
        if (rest !== '') yield rest;
        return;
      }
      const text = typeof next.value === 'string' ? next.value : decoder.write(next.value);
      if (text !== '') yield text;
    }
  } finally {
    while (!ended) ended = (await iterator.next()).done === true;
  }
}

/**
 * The sheets of an opened workbook file, in the order the file stores them (not always the tab order:
 * see `facts.tabOrder`). `onBytes` sees every byte of the file as read. Closing the generator early
 * stops reading the file; a sheet yielded and not read is read through unparsed before the next.
 * Errors are exceljs's and unzipper's: the caller turns them into an InputError.
 */
export async function* streamSheets(handle: FileHandle, facts: (facts: WorkbookFacts) => void, onBytes?: (chunk: Buffer) => void): AsyncGenerator<StreamedSheet> {
  const input = handle.createReadStream({ autoClose: false, start: 0 });
  const source = onBytes === undefined ? input : input.pipe(new Transform({ transform: (chunk: Buffer, _encoding, done) => (onBytes(chunk), done(null, chunk)) }));
  const reader = new RepairedReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  facts({
    date1904: () => reader.properties?.model?.date1904 === true,
    tabOrder: () => (reader.model?.sheets ?? []).map((sheet) => sheet.name),
  });
  try {
    for await (const sheet of reader) {
      let started = false;
      const rows: AsyncIterable<ExcelJS.Row> = { [Symbol.asyncIterator]: () => ((started = true), sheet[Symbol.asyncIterator]()) };
      yield { name: sheet.name, rows };
      // A sheet the caller skipped is read through here (its XML decoded, never parsed) before the next:
      // exceljs would otherwise buffer it, and where it parked the sheet in a temp file (sheets stored
      // before the shared strings, as LibreOffice writes them) it deletes that file on moving on, before
      // the unread stream opened it.
      const text = reader.lastSheetText;
      if (!started && text !== undefined) for await (const _chunk of text) void _chunk;
    }
  } finally {
    input.destroy();
    if (source !== input) source.destroy();
  }
}
