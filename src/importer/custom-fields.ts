// Before an import sends anything: every custom field its rows set must already exist on the site, as
// the template says. A misspelt header would otherwise become a new field on the fly (the API creates
// unknown custom fields when values are set), so the missing ones are listed and the run stops — unless the
// engineer asked for them to be created (`--create-custom-fields`).
import { sourceName } from '../workbook/location.js';
import { InputError } from '../errors.js';
import type { Target } from '../targets/target.js';
import { customFieldCells } from '../plan/map/cells.js';
import { customFieldPrefixes, type CustomFieldResource } from '../plan/map/custom-fields.js';
import type { LoadedRows } from './sources.js';

const RESOURCES: readonly CustomFieldResource[] = ['customers', 'subscriptions'];

interface Use {
  resource: CustomFieldResource;
  name: string;
  /** Where the field first appears: the file and the header exactly as written there. */
  file: string;
  column: string;
}

/** Custom fields that rows to be sent give a value to, one entry per resource and name. */
function customFieldUses(loaded: LoadedRows): Use[] {
  const uses = new Map<string, Use>();
  for (const { row, operations } of loaded.rowOperations) {
    if (operations.length === 0 || loaded.invalid.has(row)) continue;
    for (const resource of RESOURCES) {
      for (const { column, name } of customFieldCells(row, customFieldPrefixes(row.kind, resource))) {
        const key = `${resource}\u0000${name}`;
        if (!uses.has(key)) uses.set(key, { resource, name, file: sourceName({ path: row.file, sheet: row.sheet }), column });
      }
    }
  }
  return [...uses.values()];
}

/**
 * Checks the rows' custom fields against the site's. Missing ones stop the run with an InputError
 * (exit 2, nothing sent) naming each column, or, with `create`, are created now; the names created are returned.
 */
export async function checkCustomFields(loaded: LoadedRows, target: Target, create: boolean): Promise<string[]> {
  const uses = customFieldUses(loaded);
  if (uses.length > 0 && !target.supports.customFields) {
    const list = uses.map((use) => `${use.file} column ${use.column}`).join('; ');
    throw new InputError('custom-fields-not-supported', `${target.baseUrl} (${target.name}) has no custom fields, so these columns cannot be imported: ${list}.`, {
      hint: 'Remove the custom-field columns from the files (or leave them blank) and run again.',
    });
  }
  const missing: Use[] = [];
  for (const resource of RESOURCES) {
    const wanted = uses.filter((use) => use.resource === resource);
    if (wanted.length === 0) continue;
    const existing = new Set(await target.customFieldNames(resource));
    missing.push(...wanted.filter((use) => !existing.has(use.name)));
  }
  if (missing.length === 0) return [];
  if (!create) {
    const list = missing.map((use) => `${use.file} column ${use.column} (${use.resource === 'customers' ? 'customer' : 'subscription'} field "${use.name}")`).join('; ');
    throw new InputError('missing-custom-fields', `${missing.length === 1 ? 'This custom field does' : `These ${missing.length} custom fields do`} not exist on the site: ${list}.`, {
      hint: 'Create them in the site (Config > Custom Fields) or fix the header spelling; or pass --create-custom-fields to create them as text fields.',
    });
  }
  for (const resource of RESOURCES) {
    const names = missing.filter((use) => use.resource === resource).map((use) => use.name);
    if (names.length > 0) await target.ensureCustomFields(resource, names);
  }
  return missing.map((use) => use.name);
}
