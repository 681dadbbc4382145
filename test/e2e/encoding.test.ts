// Encoding decided per file with evidence, through the built CLI and a real sandbox: a UTF-8 file with
// one stray byte stays UTF-8 ("Café" reaches the site as "Café") and the stray byte is an error naming
// row, column and byte offset in every format; a real Windows-1252 file is still read as Windows-1252.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { runCli } from '../cli/run-cli.js';
import { xmlProblem } from '../cli/xml-well-formed.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';

const HEADER = 'Status,Result,name,description,handle\n';
const STRAY_ROW = ',,Stray here,first family,fam-1\n';
/** Where the stray byte goes: after "Stray" in row 2's name. */
const STRAY_OFFSET = HEADER.length + ',,Stray'.length;

/** UTF-8 families: row 2 holds one byte that is not UTF-8 (a Latin-1 "é"), row 3 a valid "Café". */
function strayByteFile(): Buffer {
  const text = Buffer.from(`${HEADER}${STRAY_ROW},,Café Crème,second family,fam-2\n`, 'utf8');
  return Buffer.concat([text.subarray(0, STRAY_OFFSET), Buffer.from([0xe9]), text.subarray(STRAY_OFFSET)]);
}

async function familyNames(baseUrl: string): Promise<string[]> {
  const target = createTarget({ name: 'check', baseUrl });
  try {
    return (await collect(target.api.listProductFamilies())).map((family) => String(family.name)).sort();
  } finally {
    await target.close();
  }
}

describe('encoding by evidence', () => {
  it('validate: a stray byte in a UTF-8 file is an error naming row, column and byte offset, in every format', async () => {
    await withTempDir({ 'families.csv': strayByteFile() }, async (dir) => {
      const args = ['validate', 'families.csv', '--as-of', AS_OF];
      const json = await runCli([...args, '--format', 'json'], { cwd: dir });
      expect(json.code, json.stderr).toBe(1);
      const [file] = JSON.parse(json.stdout).files;
      expect(file).toMatchObject({ rows: 2, errorRows: 1 });
      expect(file.issues).toHaveLength(1);
      expect(file.issues[0]).toMatchObject({ row: 2, line: 2, column: 'name', rule: 'invalid-bytes', severity: 'error', key: 'fam-1', value: 'Stray\ufffd here' });
      expect(file.issues[0].message).toContain(`0xE9 at byte offset ${STRAY_OFFSET}`);

      const pretty = await runCli(args, { cwd: dir });
      expect(pretty.code).toBe(1);
      expect(pretty.stdout).toMatch(new RegExp(`row 2 · fam-1\\n.*name.*\\n.*0xE9 at byte offset ${STRAY_OFFSET}.*\\[invalid-bytes\\]`));
      const github = await runCli([...args, '--format', 'github'], { cwd: dir });
      expect(github.stdout).toMatch(new RegExp(`^::error file=families\\.csv,line=2,title=invalid-bytes%3A name::Row 2 \\(fam-1\\), column name: .*byte offset ${STRAY_OFFSET}`, 'm'));
      const junit = await runCli([...args, '--format', 'junit'], { cwd: dir });
      expect(xmlProblem(junit.stdout)).toBeUndefined();
      expect(junit.stdout).toMatch(new RegExp(`<failure type="invalid-bytes" message="[^"]*byte offset ${STRAY_OFFSET}`));
    });
  });

  it('test-import: "Café" reaches the site as "Café"; the row with the stray byte is not sent', async () => {
    const sandbox = await startSandbox();
    try {
      await withTempDir({ 'data/families.csv': strayByteFile() }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const result = await runCli(['test-import', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
        expect(result.code, result.stderr).toBe(1);
        expect(JSON.parse(result.stdout).summary).toMatchObject({ rows: 2, error: 1 });
        expect(await familyNames(sandbox.baseUrl)).toEqual(['Café Crème']);
      });
    } finally {
      await sandbox.close();
    }
  });

  it('a real Windows-1252 file is still read as Windows-1252, and imported as written', async () => {
    const sandbox = await startSandbox();
    try {
      const text = `${HEADER},,Café Crème,“smart” quotes – €5,fam-1\n,,Müller Söhne,Straße,fam-2\n`;
      await withTempDir({ 'data/families.csv': iconv.encode(text, 'windows-1252') }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const validate = await runCli(['validate', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
        expect(validate.code, validate.stdout).toBe(0);
        const result = await runCli(['test-import', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
        expect(result.code, result.stderr).toBe(0);
        expect(await familyNames(sandbox.baseUrl)).toEqual(['Café Crème', 'Müller Söhne']);
      });
    } finally {
      await sandbox.close();
    }
  });

  it('a Windows-1252 file with a little UTF-8 in it is refused (exit 2), naming the line with UTF-8', async () => {
    const cp1252 = iconv.encode(`${HEADER},,Café,x,fam-1\n,,Müller,Straße,fam-2\n`, 'windows-1252');
    const utf8 = Buffer.from(',,Zoë,y,fam-3\n', 'utf8');
    await withTempDir({ 'families.csv': Buffer.concat([cp1252, utf8]) }, async (dir) => {
      const result = await runCli(['validate', 'families.csv', '--as-of', AS_OF], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^families\.csv {2}not read, skipped\n {2}line 4\n.*The file mixes encodings/m);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
      expect(result.stderr).toMatch(/^migrate: families\.csv, line 4: The file mixes encodings/);
    });
  });
});
