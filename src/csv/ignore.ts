// `--ignore GLOB`: which input files a command leaves out, matched by Node's own glob matcher
// (path.matchesGlob: `*`, `**`, `?`, `[abc]`, `{a,b}`), so no glob package is needed.
import { matchesGlob, normalize, sep } from 'node:path';

/** Decides whether a file is ignored, from the path as given or found and the path relative to the folder walked. */
export type IgnoreTest = (path: string, relativeToFolder?: string) => boolean;

/** A test that ignores a file when any pattern matches it as given or, when found in a folder, relative to that folder. */
export function ignoreTest(patterns: readonly string[]): IgnoreTest {
  const globs = patterns.map(normalizedPath).filter((pattern) => pattern !== '');
  if (globs.length === 0) return () => false;
  return (path, relativeToFolder) => {
    const candidates = [normalizedPath(path), ...(relativeToFolder === undefined ? [] : [normalizedPath(relativeToFolder)])];
    return globs.some((glob) => candidates.some((candidate) => quietMatch(candidate, glob)));
  };
}

/** `./data//notes.csv` and `data/notes.csv` are one path: patterns and paths are compared in one spelling, with `/`. */
function normalizedPath(path: string): string {
  const trimmed = path.trim();
  return trimmed === '' ? '' : normalize(trimmed).split(sep).join('/');
}

/**
 * path.matchesGlob is marked experimental in Node 20 and prints an ExperimentalWarning on its first use;
 * that line would reach users' stderr on every --ignore. Only that warning is held back, for the call.
 */
function quietMatch(path: string, glob: string): boolean {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning instanceof Error ? warning.message : warning).startsWith('glob is an experimental feature')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return matchesGlob(path, glob);
  } finally {
    process.emitWarning = emitWarning;
  }
}
