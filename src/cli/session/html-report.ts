// `--report FILE.html`: the HTML page a command writes beside the report it prints. The file is
// checked when the command starts (a name ending in .html, a folder that takes a file), so a long run
// never ends unable to write it, and written whole or not at all: a temp file beside it, then a rename.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { outputFailureReason, tempPathBeside } from '../../csv/writer.js';
import { InputError } from '../../errors.js';
import { parseReportPath } from '../options.js';

export interface HtmlReportFile {
  path: string;
  /** Writes the page atomically; an InputError (one line naming the file) if it cannot. */
  write(html: string): Promise<void>;
}

/** The --report file, checked now (its folder is created if missing); undefined without --report. */
export async function prepareHtmlReport(flag: string | undefined): Promise<HtmlReportFile | undefined> {
  const given = parseReportPath(flag);
  if (given === undefined) return undefined;
  const path = resolve(given);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError('bad-report', `--report ${given} is a folder; give the HTML file to write.`, { hint: `For example --report ${given.replace(/[\\/]+$/, '')}/report.html.` });
  try {
    await mkdir(dirname(path), { recursive: true });
    const probe = tempPathBeside(path);
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe, { force: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    // mkdir meets a file where a folder of the path should be.
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new InputError('report-unwritable', `--report ${given} cannot be written: a file is in the way of its folder.`, { hint: 'Choose a folder for the HTML report.', cause });
    throw unwritable(given, cause);
  }
  return {
    path,
    async write(html: string): Promise<void> {
      const temp = tempPathBeside(path);
      try {
        await writeFile(temp, html, { flag: 'wx' });
        await rename(temp, path);
      } catch (cause) {
        await rm(temp, { force: true });
        throw unwritable(given, cause);
      }
    },
  };
}

function unwritable(given: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = typeof code === 'string' ? outputFailureReason(code) : cause instanceof Error ? cause.message : String(cause);
  return new InputError('report-unwritable', `--report ${given} cannot be written (${reason}).`, { hint: 'Choose a writable folder for the HTML report.', cause });
}
