// Contract checks against the vendor's official OpenAPI spec (../shared/specs, never copied into the
// project): finds the operation by method and path template and validates bodies with ajv (JSON Schema
// 2020-12, as OpenAPI 3.1 uses). Tests skip, with a reason, where the spec is absent (a user's clone).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const specPath = resolve(projectRoot, '../shared/specs/maxio-advanced-billing.bundled.json');
export const specAvailable = existsSync(specPath);
export const specSkipReason = `the official spec is absent (${specPath}); contract checks run where ../shared/specs exists, e.g. in .ci/run`;

interface Operation {
  template: string;
  method: string;
  regex: RegExp;
  literalLength: number;
  pointer: string;
  operation: { responses?: Record<string, { content?: Record<string, unknown>; $ref?: string }>; requestBody?: { content?: Record<string, unknown> } };
}

export interface ContractResult {
  operation: string;
  validated: boolean;
  errors: string[];
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  /** "METHOD template status" of every response validated, for coverage assertions. */
  readonly seen = new Set<string>();

  constructor(private readonly spec: { paths: Record<string, Record<string, unknown>> }) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
    addFormats(this.ajv);
    this.ajv.addSchema(spec as object, 'spec.json');
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
        const source = template
          .split(/(\{[^}]+\})/)
          .map((piece) => (piece.startsWith('{') ? '[^/]+' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('');
        this.operations.push({
          template,
          method: method.toUpperCase(),
          regex: new RegExp(`^${source}$`),
          literalLength: template.replace(/\{[^}]+\}/g, '').length,
          pointer: `#/paths/${pointerSegment(template)}/${method}`,
          operation: operation as Operation['operation'],
        });
      }
    }
  }

  /** The spec operation for a request, preferring the most literal template (/customers/lookup.json over /customers/{id}.json). */
  find(method: string, path: string): Operation | undefined {
    const pathname = path.split('?')[0] ?? path;
    return this.operations
      .filter((operation) => operation.method === method.toUpperCase() && operation.regex.test(pathname))
      .sort((a, b) => b.literalLength - a.literalLength)[0];
  }

  checkResponse(method: string, path: string, status: number, body: unknown): ContractResult {
    const operation = this.find(method, path);
    if (!operation) {
      // A 404 for a path the spec does not have is right, as is the sandbox's loud 501 (it serves no such
      // route); any other answer there is a sandbox invention.
      const errors = status === 404 || status === 501 ? [] : [`no operation in the spec for ${method} ${path}`];
      return { operation: `${method} ${path}`, validated: false, errors };
    }
    const responses = operation.operation.responses ?? {};
    let code = String(status);
    // A 2xx the spec lists under another 2xx code (e.g. 200 vs 201) is checked against that one.
    if (!responses[code]?.content && status < 300) code = Object.keys(responses).find((key) => key.startsWith('2') && responses[key]?.content) ?? code;
    const name = `${operation.method} ${operation.template}`;
    if (!responses[code]?.content?.['application/json']) return { operation: name, validated: false, errors: [] };
    this.seen.add(`${name} ${code}`);
    return { operation: name, validated: true, errors: this.validate(`${operation.pointer}/responses/${code}/content/application~1json/schema`, body) };
  }

  /**
   * An answer against its operation's declared responses, strictly: the status must be one the spec
   * lists (or `default`), and a body where that response has a JSON schema must match it. `declaredAs`:
   * the status whose schema an answer is checked against where the spec declares a wrong one.
   */
  checkDeclared(method: string, path: string, status: number, body: unknown, declaredAs = status): string[] {
    const operation = this.find(method, path);
    if (!operation) return [`no operation in the spec for ${method} ${path}`];
    const responses = operation.operation.responses ?? {};
    const code = String(declaredAs) in responses ? String(declaredAs) : 'default' in responses ? 'default' : undefined;
    if (code === undefined) return [`status ${status} is not one the spec declares (${Object.keys(responses).join(', ')})`];
    const declared = responses[code];
    // A response defined once and referenced (`$ref`) is validated where it is defined.
    const at = declared?.$ref !== undefined ? declared.$ref.slice(1) : `${operation.pointer.slice(1)}/responses/${code}`;
    const response = declared?.$ref !== undefined ? this.at(at) : declared;
    if (response?.content?.['application/json'] === undefined) return [];
    if (body === undefined) return [`status ${status}: the spec declares a JSON body, the answer has none`];
    return this.validate(`#${at}/content/application~1json/schema`, body).map((error) => `status ${status}: ${error}`);
  }

  checkRequest(method: string, path: string, body: unknown): ContractResult {
    const operation = this.find(method, path);
    if (!operation) return { operation: `${method} ${path}`, validated: false, errors: [`no operation in the spec for ${method} ${path}`] };
    const name = `${operation.method} ${operation.template}`;
    if (!operation.operation.requestBody?.content?.['application/json']) return { operation: name, validated: false, errors: [] };
    return { operation: name, validated: true, errors: this.validate(`${operation.pointer}/requestBody/content/application~1json/schema`, body) };
  }

  /** The spec's node at a JSON pointer (`/paths/…`). */
  private at(pointer: string): { content?: Record<string, unknown> } | undefined {
    let node: unknown = this.spec;
    for (const raw of pointer.slice(1).split('/')) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
    return node as { content?: Record<string, unknown> } | undefined;
  }

  private validate(pointer: string, body: unknown): string[] {
    let validator = this.validators.get(pointer);
    if (!validator) {
      validator = this.ajv.getSchema(`spec.json${pointer}`);
      if (!validator) return [`the spec has no schema at ${pointer}`];
      this.validators.set(pointer, validator);
    }
    if (validator(body)) return [];
    return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }
}

let shared: Contract | undefined;

/** The contract over the official spec, or undefined where the spec is absent. */
export function loadContract(): Contract | undefined {
  if (!specAvailable) return undefined;
  shared ??= new Contract(JSON.parse(readFileSync(specPath, 'utf8')) as ConstructorParameters<typeof Contract>[0]);
  return shared;
}

function pointerSegment(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
