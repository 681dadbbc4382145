// One place that decides colour for human output: a chalk instance with colour on or off, so
// reporters never consult the environment themselves.
import { Chalk, type ChalkInstance } from 'chalk';

export type Colors = ChalkInstance;

/** A chalk instance that colours only when `enabled` (decide with colorEnabled in src/progress/color.ts). */
export function createColors(enabled: boolean): Colors {
  return new Chalk({ level: enabled ? 1 : 0 });
}
