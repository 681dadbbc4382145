// Where each template kind's columns go on ChartMogul: one table per kind, keyed by column (or custom
// field pattern), which `migrate templates KIND --system chartmogul` prints; a column ChartMogul has no
// place for says what that means, and the import reports it once per run where it holds data.
import type { MappingTable } from '../../column-mapping.js';

const TABLES: Readonly<Record<string, MappingTable>> = {};

/** The kind's table; empty for a kind without one. */
export function chartMogulColumnMapping(kind: string): MappingTable {
  return TABLES[kind] ?? {};
}
