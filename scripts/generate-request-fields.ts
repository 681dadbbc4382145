// Extracts, from the vendor's OpenAPI spec, the request body fields of every write operation the sandbox
// serves (with the values of each enumerated one), into src/targets/advanced-billing/sandbox/request-fields.json (committed: the spec lives in ../shared, which is not
// shipped with the package). test/sandbox/request-fields.test.ts regenerates it and fails on drift.
// Run: npm run generate:request-fields [-- path/to/maxio-advanced-billing.bundled.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxRoutes } from '../src/targets/advanced-billing/sandbox/index.js';
import type { ErrorShape } from '../src/targets/advanced-billing/sandbox/error-shapes.js';
import type { FieldNode, RequestFields } from '../src/targets/advanced-billing/sandbox/request-fields.js';
import { pathShape } from '../src/targets/advanced-billing/sandbox/router.js';

type Schema = Record<string, unknown>;
interface Spec {
  info?: { title?: string; version?: string };
  paths: Record<string, Record<string, SpecOperation>>;
}

interface SpecOperation {
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), fileURLToPath(import.meta.url).includes('/dist/') ? '../..' : '..');
export const defaultSpecPath = resolve(projectRoot, '../shared/specs/maxio-advanced-billing.bundled.json');
export const requestFieldsPath = resolve(projectRoot, 'src/targets/advanced-billing/sandbox/request-fields.json');

/** The request fields of the sandbox's write routes, as committed in src/targets/advanced-billing/sandbox/request-fields.json. */
export function extractRequestFields(spec: Spec): RequestFields {
  const byShape = new Map<string, string>();
  for (const template of Object.keys(spec.paths)) byShape.set(pathShape(template), template);
  const operations: RequestFields['operations'] = {};
  const notInSpec: string[] = [];
  for (const { method, shape } of sandboxRoutes()) {
    if (!WRITE_METHODS.has(method)) continue;
    const template = byShape.get(shape);
    const operation = template === undefined ? undefined : spec.paths[template]?.[method.toLowerCase()];
    if (template === undefined || operation === undefined) {
      notInSpec.push(`${method} ${shape}`);
      continue;
    }
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    const fields = schema === undefined ? {} : fieldsOf(spec, schema, []);
    // A body the schema leaves open at its root would make every field known: say so rather than check nothing.
    if (fields === true) throw new Error(`${method} ${template}: the request schema is open at its root`);
    operations[`${method} ${template}`] = { operation: operation.summary ?? `${method} ${template}`, fields: fields ?? {}, errors: errorShape(spec, operation) };
  }
  return {
    source: `${spec.info?.title ?? 'the vendor spec'} ${spec.info?.version ?? ''}, maxio-advanced-billing.bundled.json`,
    regenerate: 'npm run generate:request-fields',
    operations,
    notInSpec,
  };
}

/**
 * What a schema allows inside a value: a map of known fields (for objects, and for arrays of them), the
 * values of a scalar the spec enumerates (`null` left out: a field sent as null is not set), `true` when
 * anything goes (any other scalar, a free-form or map-like object), undefined when the schema says nothing
 * about shape (a bare description, `type: null`) so it does not widen what a sibling branch allows.
 */
function fieldsOf(spec: Spec, schema: Schema, refs: string[]): FieldNode | undefined {
  const ref = schema.$ref;
  let result: FieldNode | undefined;
  if (typeof ref === 'string') {
    // A schema that contains itself allows, at the repeat, whatever it allowed before: anything, here.
    result = refs.includes(ref) ? true : fieldsOf(spec, resolvePointer(spec, ref), [...refs, ref]);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const branch of branches) result = merge(result, fieldsOf(spec, branch as Schema, refs));
  }
  if (schema.items !== undefined && typeof schema.items === 'object') result = merge(result, fieldsOf(spec, schema.items as Schema, refs));
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (properties !== undefined) {
    const known: Record<string, FieldNode> = {};
    for (const [name, sub] of Object.entries(properties)) known[name] = fieldsOf(spec, sub, refs) ?? true;
    result = merge(result, known);
  }
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== false) return true;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const values = Array.isArray(schema.enum) ? schema.enum.filter((value): value is string | number | boolean => value !== null && typeof value !== 'object') : undefined;
  if (values !== undefined && values.length > 0 && !typeOutsideEnum(types, values)) result = merge(result, values.map(String));
  else if (types.some((type) => type !== 'null' && type !== 'object' && type !== 'array')) result = merge(result, true);
  if (types.includes('object') && properties === undefined && result === undefined) return true;
  return result;
}

/**
 * True when the schema declares a scalar type none of its enum's values has: Update Subscription's
 * `snap_day` is `type: [string, integer]` with `enum: ["end"]`, described as "1-28 or 'end'". The enum
 * is then read as incomplete (a spec defect, docs/sandbox.md) and the field as open.
 */
function typeOutsideEnum(types: unknown[], values: Array<string | number | boolean>): boolean {
  const kinds = new Set(values.map((value) => (typeof value === 'number' ? 'number' : typeof value)));
  return types.some((type) => (type === 'integer' || type === 'number' ? !kinds.has('number') : (type === 'string' || type === 'boolean') && !kinds.has(type)));
}

/** The envelope of the operation's declared 422 (error-shapes.ts); of several branches, a list where one is. */
function errorShape(spec: Spec, operation: SpecOperation): ErrorShape {
  const declared = operation.responses?.['422']?.content?.['application/json']?.schema;
  if (declared === undefined) return 'list';
  const schema = resolved(spec, declared);
  const shapes = (Array.isArray(schema.oneOf) ? (schema.oneOf as Schema[]) : [schema]).map((branch) => shapeOfBody(spec, resolved(spec, branch)));
  return shapes.includes('list') ? 'list' : (shapes[0] ?? 'list');
}

function shapeOfBody(spec: Spec, body: Schema): ErrorShape {
  const properties = (body.properties ?? {}) as Record<string, Schema>;
  if (properties.errors === undefined) return properties.error !== undefined ? 'single' : 'list';
  const errors = resolved(spec, properties.errors);
  const branches = Array.isArray(errors.oneOf) ? (errors.oneOf as Schema[]).map((branch) => resolved(spec, branch)) : [errors];
  if (branches.some((branch) => branch.type === 'array')) return 'list';
  const first = branches[0] ?? {};
  if (typeof first.additionalProperties === 'object') {
    const value = resolved(spec, first.additionalProperties as Schema);
    if (value.type === 'string') return 'string-map';
    if (value.type === 'array') return 'by-field';
    return 'indexed';
  }
  return 'by-field';
}

/** A schema with its `$ref` followed. */
function resolved(spec: Spec, schema: Schema): Schema {
  return typeof schema.$ref === 'string' ? resolved(spec, resolvePointer(spec, schema.$ref)) : schema;
}

/**
 * What two branches allow together: anything where either allows anything, the values of both enums, the
 * fields of both objects. A field that is an enumerated scalar in one branch and an object in the other
 * keeps the object's fields (its scalar values are not checked).
 */
function merge(a: FieldNode | undefined, b: FieldNode | undefined): FieldNode | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === true || b === true) return true;
  if (Array.isArray(a) && Array.isArray(b)) return [...new Set([...a, ...b])];
  if (Array.isArray(a)) return b;
  if (Array.isArray(b)) return a;
  const merged: Record<string, FieldNode> = { ...a };
  for (const [name, node] of Object.entries(b)) merged[name] = name in merged ? (merge(merged[name], node) ?? true) : node;
  return merged;
}

/** A `#/…` JSON pointer in the bundled spec (segments are URI-encoded, then ~-escaped). */
function resolvePointer(spec: Spec, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  let node: unknown = spec;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown>)[segment];
    if (node === undefined) throw new Error(`unresolvable reference ${ref}`);
  }
  return node as Schema;
}

/** The committed file's text for a spec: stable key order, so a diff shows what changed in the spec. */
export function renderRequestFields(spec: Spec): string {
  return `${JSON.stringify(extractRequestFields(spec), sortedKeys, 2)}\n`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const specPath = resolve(process.argv[2] ?? defaultSpecPath);
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec;
  writeFileSync(requestFieldsPath, renderRequestFields(spec));
  process.stdout.write(`wrote ${requestFieldsPath} from ${specPath}\n`);
}
