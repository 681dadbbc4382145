// The live import's plan as the operator reads it before typing the subdomain (stderr).
import { OBJECT_TYPES } from '../../plan/operation.js';
import type { LivePlan } from '../../importer/live-plan.js';
import type { Colors } from './colors.js';

export function renderLivePlan(plan: LivePlan, colors: Colors): string {
  const lines = [colors.bold(`Plan for the LIVE site ${plan.site.subdomain} (${plan.site.address}):`)];
  lines.push(`  from ${plan.files.length === 1 ? 'file' : `${plan.files.length} files`}:`);
  for (const file of plan.files) lines.push(`    ${file.path}  ${file.kind} · ${file.rows} row${file.rows === 1 ? '' : 's'}`);
  const kinds = OBJECT_TYPES.filter((type) => plan.objects[type]);
  lines.push(kinds.length > 0 ? '  creates:' : '  creates: nothing');
  for (const type of kinds) lines.push(`    ${String(plan.objects[type]).padStart(6)}  ${type.replace(/_/g, ' ')}`);
  if (plan.skipped > 0) lines.push(`  already on this site (its journal): ${plan.skipped} objects, skipped`);
  if (plan.invalidRows > 0) lines.push(colors.red(`  rows with errors: ${plan.invalidRows}, not sent`));
  if (plan.canary.length > 0) {
    lines.push(`  canary first, with what it needs, then a stop for review (${plan.canary.length} row${plan.canary.length === 1 ? '' : 's'}):`);
    for (const row of plan.canary) lines.push(`    ${row.file} row ${row.row}${row.key ? ` (${row.key})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
