// The operations of the vendor spec the sandbox serves, derived from its router (the same source the
// query-parameter table and the request-field extraction read), with what the spec says of each: its
// query parameters, its request examples and its declared responses.
import { readFileSync } from 'node:fs';
import { sandboxRoutes } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { pathShape } from '../../../../src/targets/advanced-billing/sandbox/router.js';
import { specAvailable, specPath } from './contract.js';

export type Json = Record<string, any>;

export interface ServedOperation {
  /** "METHOD /spec/template.json", as the query-parameter table keys it. */
  key: string;
  template: string;
  method: string;
  operation: Json;
}

/** The spec as JSON, or an empty one where it is absent (the tests that read it are skipped then). */
export function loadSpec(): Json {
  return specAvailable ? (JSON.parse(readFileSync(specPath, 'utf8')) as Json) : { paths: {} };
}

/** A node with its `$ref`s followed (the bundled spec's references are local JSON pointers). */
export function resolved(spec: Json, node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  const target = (node.$ref as string)
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at: Json, key: string) => at[key], spec);
  return resolved(spec, target);
}

/** Every spec operation a route of the sandbox serves, in the router's order. */
export function servedOperations(spec: Json): ServedOperation[] {
  const byShape = new Map(Object.keys(spec.paths).map((template) => [pathShape(template), template]));
  return sandboxRoutes().flatMap(({ method, shape }) => {
    const template = byShape.get(shape);
    const operation = template === undefined ? undefined : spec.paths[template][method.toLowerCase()];
    return template !== undefined && operation !== undefined ? [{ key: `${method} ${template}`, template, method, operation }] : [];
  });
}

/** The operation's parameters (path-level and its own), resolved. */
export function parametersOf(spec: Json, served: ServedOperation): Json[] {
  return [...(spec.paths[served.template].parameters ?? []), ...(served.operation.parameters ?? [])].map((parameter: Json) => resolved(spec, parameter));
}

/** The spec's query parameters of an operation, a deepObject one by its properties (`filter[ids]`), with defaults. */
export function specQueryParameters(spec: Json, served: ServedOperation): Map<string, unknown> {
  const names = new Map<string, unknown>();
  for (const parameter of parametersOf(spec, served).filter((candidate) => candidate.in === 'query')) {
    const schema = resolved(spec, parameter.schema ?? {});
    if (schema.properties !== undefined) for (const property of Object.keys(schema.properties)) names.set(`${parameter.name}[${property}]`, undefined);
    else names.set(parameter.name, schema.default);
  }
  return names;
}

/** The request body examples the spec gives for an operation, by name (`example` alone is named "example"). */
export function requestExamples(spec: Json, served: ServedOperation): Array<{ name: string; body: unknown }> {
  const content = served.operation.requestBody?.content?.['application/json'];
  if (content === undefined) return [];
  const examples = Object.entries((content.examples ?? {}) as Json).map(([name, example]) => ({ name, body: resolved(spec, example).value as unknown }));
  if (content.example !== undefined) examples.push({ name: 'example', body: content.example as unknown });
  return examples;
}
