// The streaming workbook reader with sheets stored before the shared strings (as LibreOffice writes
// them): exceljs parks each sheet in a temp file then and deletes it on moving to the next sheet, so a
// sheet the caller skips unread must still be read through first, or its stream fails to open.
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { streamSheets } from '../../src/workbook/stream.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sampleWorkbook = fileURLToPath(new URL('../../fixtures/sample/migration.xlsx', import.meta.url));

/** The sample workbook re-zipped with its worksheets first: exceljs reaches them before the shared strings. */
async function sheetsFirst(path: string): Promise<void> {
  const source = await JSZip.loadAsync(await readFile(sampleWorkbook));
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const sheetsAhead = [...names.filter((name) => name.startsWith('xl/worksheets/sheet')), ...names.filter((name) => !name.startsWith('xl/worksheets/sheet'))];
  const copy = new JSZip();
  for (const name of sheetsAhead) copy.file(name, await source.files[name]!.async('nodebuffer'));
  await writeFile(path, await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('streamSheets', () => {
  it('skips sheets unread and reads the last one, when every sheet waits in a temp file', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'sheets-first.xlsx');
      await sheetsFirst(path);
      const failures: unknown[] = [];
      const onError = (error: unknown) => failures.push(error);
      process.on('uncaughtException', onError);
      try {
        for (let round = 0; round < 60; round += 1) {
          const handle = await open(path);
          const names: string[] = [];
          let lastRows = 0;
          try {
            for await (const sheet of streamSheets(handle, () => undefined)) {
              names.push(sheet.name);
              if (names.length < 9) continue;
              for await (const _row of sheet.rows) lastRows += 1;
            }
          } finally {
            await handle.close();
          }
          expect(names).toHaveLength(9);
          expect(lastRows).toBeGreaterThan(1);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        process.off('uncaughtException', onError);
      }
      expect(failures).toEqual([]);
    });
  });
});
