// `migrate init`: copies the blank templates shipped in templates/ into a folder, all or nothing,
// never overwriting a file the user has unless --force.
import { access, copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { TEMPLATE_KINDS, type TemplateKind } from '../../templates/index.js';
import { parseTemplateKind } from '../options.js';

export interface InitOptions {
  kinds?: string[];
  force?: boolean;
}

/** The templates/ folder of the installed package (dist/src/cli/commands → package root). */
const shippedTemplates = fileURLToPath(new URL('../../../../templates/', import.meta.url));

export async function run(dir: string, options: InitOptions): Promise<void> {
  const kinds = selectedKinds(options.kinds);
  const target = resolve(dir);
  const plan = kinds.map((kind) => ({ kind, source: join(shippedTemplates, `${kind}.csv`), destination: join(target, `${kind}.csv`) }));

  for (const { source } of plan) await readFile(source);
  if (!options.force) {
    const existing: string[] = [];
    for (const { destination } of plan) if (await exists(destination)) existing.push(displayPath(destination));
    if (existing.length > 0) {
      throw new InputError('init-exists', `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`, {
        hint: 'Pass --force to overwrite, or choose another folder.',
      });
    }
  }

  try {
    await mkdir(target, { recursive: true });
  } catch (cause) {
    throw new InputError('init-folder', `Cannot create folder ${displayPath(target)}: ${(cause as Error).message}.`, { cause });
  }
  // Copy everything beside the destination first, then rename: a failure leaves no half-written template.
  const staged: Array<{ temp: string; destination: string }> = [];
  try {
    for (const { source, destination } of plan) {
      const temp = `${destination}.${process.pid}.tmp`;
      await copyFile(source, temp);
      staged.push({ temp, destination });
    }
    for (const { temp, destination } of staged) await rename(temp, destination);
  } catch (cause) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw new InputError('init-write', `Cannot write templates into ${displayPath(target)}: ${(cause as Error).message}.`, { cause });
  }
  for (const { kind, destination } of plan) process.stdout.write(`wrote ${displayPath(destination)}  (${kind})\n`);
  process.exitCode = 0;
}

function selectedKinds(requested: string[] | undefined): TemplateKind[] {
  if (requested === undefined || requested.length === 0) return [...TEMPLATE_KINDS];
  const kinds: TemplateKind[] = [];
  for (const raw of requested) {
    const kind = parseTemplateKind(raw);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
}
