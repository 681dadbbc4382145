// Reading ChartMogul's recorded interactions (../shared/specs/chartmogul-recorded: VCR cassettes from
// ChartMogul's own Ruby client suite, never copied into the project) and comparing body shapes: keys and
// JSON types, not values. Tests skip, with a reason, where the recordings are absent (a user's clone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const cassetteDir = resolve(projectRoot, '../shared/specs/chartmogul-recorded');
export const cassettesAvailable = existsSync(cassetteDir);
export const cassetteSkipReason = `the recordings are absent (${cassetteDir}); the replay runs where ../shared/specs exists, e.g. in .ci/run`;

export interface Interaction {
  method: string;
  /** Path and query, e.g. /v1/customers?per_page=1. */
  target: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

export interface Cassette {
  name: string;
  interactions: Interaction[];
}

// VCR writes bodies that are not plain UTF-8 with Ruby's local `!binary` tag (base64).
const BINARY = new yaml.Type('!binary', { kind: 'scalar', construct: (data: string) => Buffer.from(data, 'base64').toString('utf8') });
const SCHEMA = yaml.DEFAULT_SCHEMA.extend([BINARY]);

export function loadCassettes(): Cassette[] {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.yml') ? [join(dir, entry.name)] : []));
  })(cassetteDir).sort();
  return files.map((file) => {
    const document = yaml.load(readFileSync(file, 'utf8'), { schema: SCHEMA }) as { http_interactions: any[] };
    return {
      name: relative(cassetteDir, file),
      interactions: document.http_interactions.map((entry) => {
        const url = new URL(entry.request.uri);
        return {
          method: String(entry.request.method).toUpperCase(),
          target: `${url.pathname}${url.search}`,
          requestBody: String(entry.request.body?.string ?? ''),
          status: Number(entry.response.status.code),
          responseBody: String(entry.response.body?.string ?? ''),
        };
      }),
    };
  });
}

const FREE_FORM = new Set(['custom', 'stripe', 'clearbit', 'errors', 'cancellation_dates']);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where `actual` differs in shape from `recorded`: a key the recording has that the answer lacks, or a
 * value of another JSON type (null matches anything: the recordings hold many fields that are null in
 * one answer and set in another). Arrays: a non-empty recorded array needs a non-empty answer, and their
 * first items are compared.
 */
export function shapeDifferences(recorded: unknown, actual: unknown, path = '$'): string[] {
  if (recorded === null || actual === null) return [];
  if (kind(recorded) !== kind(actual)) return [`${path}: recorded ${kind(recorded)}, answered ${kind(actual)}`];
  if (Array.isArray(recorded)) {
    const answered = actual as unknown[];
    if (recorded.length === 0) return [];
    if (answered.length === 0) return [`${path}: recorded ${recorded.length} items, answered none`];
    return shapeDifferences(recorded[0], answered[0], `${path}[0]`);
  }
  if (kind(recorded) !== 'object') return [];
  const answered = actual as Record<string, unknown>;
  return Object.entries(recorded as Record<string, unknown>).flatMap(([key, value]) => {
    if (!(key in answered)) return [`${path}.${key}: missing`];
    // Maps whose keys are the account's own (custom attributes, enrichment, per-field errors), and the
    // cancellation dates only the unserved PATCH /v1/import/subscriptions sets: values, not shape.
    if (FREE_FORM.has(key)) return kind(value) === kind(answered[key]) || answered[key] === null ? [] : [`${path}.${key}: recorded ${kind(value)}, answered ${kind(answered[key])}`];
    return shapeDifferences(value, answered[key], `${path}.${key}`);
  });
}
