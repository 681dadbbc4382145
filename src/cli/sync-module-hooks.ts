// A module load hook (registered by module-loading.ts when descriptors are few): reads each ES module
// synchronously, so loading holds one file open at a time however wide the import graph is.
import { readFileSync } from 'node:fs';

interface LoadContext {
  format?: string | null;
}

interface LoadResult {
  format: string;
  source?: string | Buffer;
  shortCircuit?: boolean;
}

export async function load(url: string, context: LoadContext, nextLoad: (url: string, context: LoadContext) => Promise<LoadResult>): Promise<LoadResult> {
  // CommonJS, JSON and built-ins are left to Node: it reads those synchronously already.
  if (context.format !== 'module' || !url.startsWith('file:')) return nextLoad(url, context);
  return { format: 'module', source: readFileSync(new URL(url)), shortCircuit: true };
}
