// Where the annotated copy of each input goes (validate --out, imports, resync): one file of the same
// name in the output folder (a workbook's sheets share their workbook's one copy), refusing two inputs
// that would land on one file or a copy over its input.
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The copy's file name: the input's, but a macro workbook's copy is `.xlsx`. The copy is written by
 * exceljs, which keeps no macros, and Excel refuses a workbook without them under the `.xlsm` name.
 */
function copyName(path: string): string {
  return basename(path).replace(/\.xlsm$/i, '.xlsx');
}

/**
 * The output path of each input path (each once: a workbook's sheets share one): same file name in
 * `outDir`; refuses collisions and overwriting an input.
 */
export function resultPaths(files: ReadonlyArray<{ path: string }>, outDir: string): Map<string, string> {
  const paths = new Map<string, string>();
  const taken = new Map<string, string>();
  const inputs = new Set(files.map((file) => resolve(file.path)));
  for (const file of files) {
    if (paths.has(file.path)) continue;
    const output = resolve(outDir, copyName(file.path));
    const other = taken.get(output);
    if (other !== undefined) {
      throw new InputError('out-collision', `${other} and ${file.path} would both be written to ${join(outDir, copyName(file.path))}.`, {
        hint: 'Validate them in separate runs with different --out folders, or rename one.',
      });
    }
    if (inputs.has(output)) {
      throw new InputError('out-overwrites-input', `--out ${outDir} would overwrite the input ${file.path}.`, {
        hint: 'Choose an output folder other than the one holding the input files.',
      });
    }
    taken.set(output, file.path);
    paths.set(file.path, output);
  }
  return paths;
}
