// `--scope` as people type it: erase's neutral scopes (imported, customers, site) under the names each
// target gives them (its profile's eraseScopes: ChartMogul's manual-customers and data-source), so
// erase itself has no branch per system.
import { InputError } from '../errors.js';
import { TARGET_SYSTEMS, targetProfile } from '../targets/index.js';
import type { EraseScopes } from '../targets/target.js';
import type { EraseScope } from './report.js';

const NEUTRAL: readonly EraseScope[] = ['imported', 'customers', 'site'];

function allScopes(): EraseScopes[] {
  return TARGET_SYSTEMS.map((system) => targetProfile(system, system).eraseScopes);
}

/** The neutral scope a name stands for on some target, or undefined when no target knows it. */
export function neutralScope(name: string): EraseScope | undefined {
  if ((NEUTRAL as readonly string[]).includes(name)) return name as EraseScope;
  for (const scopes of allScopes()) {
    if (scopes.customers === name) return 'customers';
    if (scopes.site === name) return 'site';
  }
  return undefined;
}

/** Every name `--scope` takes on some target, for the flag's message. */
export function scopeNames(): string[] {
  return [...new Set([...NEUTRAL, ...allScopes().flatMap((scopes) => [scopes.customers, scopes.site])])];
}

/** How the target calls a scope (what reports and questions say). */
export function scopeNameOn(scope: EraseScope, scopes: EraseScopes): string {
  return scope === 'imported' ? 'imported' : scopes[scope];
}

/**
 * The neutral scope `name` means on a target: its own names and the neutral ones are taken; another
 * target's name is refused (exit 2, nothing sent), naming what this one offers.
 */
export function scopeOnTarget(name: string, scopes: EraseScopes, where: string): EraseScope {
  if (name === 'imported') return 'imported';
  if (name === scopes.customers || name === 'customers') return 'customers';
  if (name === scopes.site || name === 'site') return 'site';
  throw new InputError('erase-scope-elsewhere', `--scope ${name} belongs to another billing system; ${where} offers imported, ${scopes.customers} and ${scopes.site}. Nothing was sent.`, {
    hint: `migrate erase --scope ${scopes.customers} removes every customer there, --scope ${scopes.site} everything.`,
  });
}
