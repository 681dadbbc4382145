// Which request body fields each write operation of the spec has, and the fields of a request that are
// not among them. The field lists come from the vendor's OpenAPI spec through a generated file
// (request-fields.json, made by scripts/generate-request-fields.ts), because the spec itself is not
// shipped with the package; a test regenerates it from the spec and fails when the two differ.
import generated from './request-fields.json' with { type: 'json' };
import type { ErrorShape } from './error-shapes.js';
import { pathShape } from './router.js';

/** The fields allowed inside a value: known names (for objects and arrays of objects), or `true`: anything. */
export type FieldNode = true | { [field: string]: FieldNode };

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

export interface UnknownFields {
  /** The spec's name for the operation, e.g. "Create Product". */
  operation: string;
  /** Dotted paths of the fields the request schema does not have; `[]` marks an array's items. */
  fields: string[];
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

/** The body fields the operation's request schema lacks; undefined for routes the spec does not have. */
export function unknownRequestFields(method: string, shape: string, body: Record<string, unknown>): UnknownFields | undefined {
  const entry = byRoute.get(`${method} ${shape}`);
  if (entry === undefined) return undefined;
  const fields: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (GUIDE_FIELDS.has(name)) continue;
    const node = entry.fields === true ? true : entry.fields[name];
    if (node === undefined) fields.push(name);
    else collect(node, value, name, fields);
  }
  return { operation: entry.operation, fields: [...new Set(fields)] };
}

function collect(node: FieldNode, value: unknown, path: string, into: string[]): void {
  if (node === true || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(node, item, `${path}[]`, into);
    return;
  }
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    const child = node[name];
    if (child === undefined) into.push(`${path}.${name}`);
    else collect(child, inner, `${path}.${name}`, into);
  }
}
