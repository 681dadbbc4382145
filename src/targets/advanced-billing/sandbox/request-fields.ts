// Which request body fields each write operation of the spec has, and the fields of a request that are
// not among them or hold a value outside the spec's enum. The field lists come from the vendor's OpenAPI spec through a generated file
// (request-fields.json, made by scripts/generate-request-fields.ts), because the spec itself is not
// shipped with the package; a test regenerates it from the spec and fails when the two differ.
import generated from './request-fields.json' with { type: 'json' };
import type { ErrorShape } from './error-shapes.js';
import { pathShape } from './router.js';

/**
 * The fields allowed inside a value: known names (for objects and arrays of objects), the values an
 * enumerated scalar may take (as text), or `true`: anything.
 */
export type FieldNode = true | string[] | { [field: string]: FieldNode };

export interface RequestFields {
  source: string;
  regenerate: string;
  /**
   * By "METHOD /spec/path/{template}.json": the operation's summary, its request body's fields and the
   * shape of the 422 it declares.
   */
  operations: Record<string, { operation: string; fields: FieldNode; errors: ErrorShape }>;
  /** Write routes the sandbox serves that the spec has no operation for (not checked). */
  notInSpec: string[];
}

/** Documented for every POST and PUT in the API guides ("Duplicate Prevention"), though no schema has it. */
const GUIDE_FIELDS = new Set(['uniqueness_token']);

/**
 * Values a real site takes that the spec's enum lacks, by the end of the field's dotted path: the vendor's
 * Smart Template documentation allows the bpoint and quickpay vaults for a payment profile, which the
 * spec's Current Vault enum does not list (docs/sandbox.md, "Spec defects"). A bank account's vault keeps
 * the spec's own list (Bank Account Vault).
 */
export const ENUM_ADDITIONS: ReadonlyArray<{ path: string; values: readonly string[] }> = [
  { path: 'payment_profile.current_vault', values: ['bpoint', 'quickpay'] },
  { path: 'payment_profile_attributes.current_vault', values: ['bpoint', 'quickpay'] },
  { path: 'credit_card_attributes.current_vault', values: ['bpoint', 'quickpay'] },
];

export interface UnknownFields {
  /** The spec's name for the operation, e.g. "Create Product". */
  operation: string;
  /** Dotted paths of the fields the request schema does not have; `[]` marks an array's items. */
  fields: string[];
  /** Enumerated fields whose value the spec's enum does not have, with that value as sent. */
  outsideEnum: Array<{ field: string; value: string }>;
}

const byRoute = new Map<string, RequestFields['operations'][string]>();
for (const [key, entry] of Object.entries((generated as unknown as RequestFields).operations)) {
  const space = key.indexOf(' ');
  byRoute.set(`${key.slice(0, space)} ${pathShape(key.slice(space + 1))}`, entry);
}

/** The envelope the operation's spec gives its 422 (a list where the spec has no such operation). */
export function errorShapeOf(method: string, shape: string): ErrorShape {
  return byRoute.get(`${method} ${shape}`)?.errors ?? 'list';
}

/**
 * The body fields the operation's request schema lacks, and those holding a value its enum lacks; undefined
 * for routes the spec does not have.
 */
export function unknownRequestFields(method: string, shape: string, body: Record<string, unknown>): UnknownFields | undefined {
  const entry = byRoute.get(`${method} ${shape}`);
  if (entry === undefined) return undefined;
  const found: Omit<UnknownFields, 'operation'> = { fields: [], outsideEnum: [] };
  for (const [name, value] of Object.entries(body)) {
    if (GUIDE_FIELDS.has(name)) continue;
    const node = entry.fields === true || Array.isArray(entry.fields) ? true : entry.fields[name];
    if (node === undefined) found.fields.push(name);
    else collect(node, value, name, found);
  }
  return { operation: entry.operation, fields: [...new Set(found.fields)], outsideEnum: found.outsideEnum };
}

function collect(node: FieldNode, value: unknown, path: string, found: Omit<UnknownFields, 'operation'>): void {
  if (node === true || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(node, item, `${path}[]`, found);
    return;
  }
  if (Array.isArray(node)) {
    // A blank value is a field not set (the routes answer a required one as blank); text is compared as
    // the routes read it, trimmed.
    if (typeof value === 'object') return;
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text !== '' && !node.includes(text) && !addedValues(path).includes(text)) found.outsideEnum.push({ field: path, value: text });
    return;
  }
  if (typeof value !== 'object') return;
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    const child = node[name];
    if (child === undefined) found.fields.push(`${path}.${name}`);
    else collect(child, inner, `${path}.${name}`, found);
  }
}

function addedValues(path: string): readonly string[] {
  const plain = path.replace(/\[\]/g, '');
  return ENUM_ADDITIONS.find((addition) => plain === addition.path || plain.endsWith(`.${addition.path}`))?.values ?? [];
}
