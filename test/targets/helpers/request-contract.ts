// Checks request bodies against the vendor's OpenAPI spec (../shared/specs, JSON Schema 2020-12):
// the request schema of the operation whose path template matches the concrete path.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const SPEC_PATH = fileURLToPath(new URL('../../../../shared/specs/maxio-advanced-billing.bundled.json', import.meta.url));

/** Why spec-based tests are skipped, or undefined when the spec is present. */
export const specMissingReason = existsSync(SPEC_PATH) ? undefined : `spec not found at ${SPEC_PATH}`;

interface Operation {
  template: string;
  pattern: RegExp;
  literalSegments: number;
  validate: ValidateFunction | undefined;
}

export interface RequestContract {
  /** Problems with the body for METHOD PATH; throws when the spec has no such operation. */
  problems(method: string, path: string, body: unknown): string[];
}

type Spec = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };

/** Marks every object schema that lists its properties as closed: a field it does not name is then a problem. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) closeObjects(value);
  if (typeof schema.properties === 'object' && schema.additionalProperties === undefined) schema.unevaluatedProperties = false;
}

/**
 * The request schemas of the spec. `strict` also refuses fields a schema does not name (the spec itself
 * leaves objects open): what the importer sends must be a field the operation documents.
 */
export function loadRequestContract(options: { strict?: boolean } = {}): RequestContract {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  if (options.strict) closeObjects(spec.paths);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema(spec as object, 'spec');
  const operations = new Map<string, Operation[]>();
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item[method];
      if (operation === undefined) continue;
      const pointer = `spec#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/requestBody/content/application~1json/schema`;
      const hasBody = operation.requestBody?.content?.['application/json'] !== undefined;
      const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const entry: Operation = {
        template,
        pattern,
        literalSegments: template.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
        validate: hasBody ? ajv.compile({ $ref: pointer }) : undefined,
      };
      const list = operations.get(method.toUpperCase()) ?? [];
      list.push(entry);
      operations.set(method.toUpperCase(), list);
    }
  }
  return {
    problems(method, path, body) {
      const bare = path.split('?')[0] ?? path;
      const candidates = (operations.get(method) ?? []).filter((operation) => operation.pattern.test(bare));
      candidates.sort((a, b) => b.literalSegments - a.literalSegments);
      const operation = candidates[0];
      if (operation === undefined) throw new Error(`the spec has no operation ${method} ${bare}`);
      if (operation.validate === undefined || body === undefined) return [];
      if (operation.validate(body)) return [];
      return (operation.validate.errors ?? []).map((error) => `${method} ${operation.template}: ${error.instancePath || '(root)'} ${error.message ?? ''}`);
    },
  };
}
