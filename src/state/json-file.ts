// JSON documents the toolkit keeps beside its data (run records, a journal's site, result-sites.json):
// written whole or not at all, so a crash never leaves half a document for the next run to trip on.
import { rename, writeFile } from 'node:fs/promises';

/** Writes `value` as indented JSON to `path` atomically: a temp file beside it, then a rename. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, path);
}
