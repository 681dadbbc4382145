// Custom fields: metafield definitions per resource type (customers, subscriptions) and metadata values
// per resource. Setting a value for an undefined name defines the metafield, as a real site does.
import { SandboxError, reply, type RequestContext } from '../context.js';
import { paginate, publicView, recordById } from '../fields.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';

const RESOURCE_TYPES = ['customers', 'subscriptions'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];
const DEFAULT_SCOPE = { csv: '0', invoices: '0', statements: '0', portal: '0', public_show: '0', public_edit: '0', hosted: [] };

export function registerMetafieldRoutes(router: Router): void {
  router.add('POST', '/:resource_type/metafields.json', createMetafields);
  router.add('GET', '/:resource_type/metafields.json', ({ store, params, query }) => {
    const type = resourceType(params.resource_type);
    const fields = store.all('metafields').filter((field) => field.resource_type === type).sort((a, b) => a.id - b.id);
    return reply(200, { ...pageInfo(fields.length, query), metafields: paginate(fields, query).map(metafieldView) });
  });
  router.add('POST', '/:resource_type/:resource_id/metadata.json', setMetadata);
  router.add('PUT', '/:resource_type/:resource_id/metadata.json', setMetadata);
  router.add('GET', '/:resource_type/:resource_id/metadata.json', ({ store, params, query }) => {
    const type = resourceType(params.resource_type);
    const resource = recordById(store, type, params.resource_id, type === 'customers' ? 'Customer' : 'Subscription');
    const values = metadataOf(store, type, resource.id);
    return reply(200, { ...pageInfo(values.length, query), metadata: paginate(values, query).map(metadataView) });
  });
}

/** Stores values (name → value) on a resource, defining missing metafields; returns the stored records. */
export function setResourceMetadata(store: Store, type: ResourceType, resourceId: number, values: Record<string, string>): StoredRecord[] {
  const stored: StoredRecord[] = [];
  for (const [name, value] of Object.entries(values)) {
    ensureMetafield(store, type, name);
    const key = `${type}:${resourceId}:${name}`;
    const existing = store.findBy('metadata', '_key', key);
    stored.push(
      store.put('metadata', {
        id: existing?.id ?? store.nextId('metadata'),
        resource_type: type,
        resource_id: resourceId,
        name,
        value,
        _owner: `${type}:${resourceId}`,
        _key: key,
      }),
    );
  }
  return stored;
}

/** Removes a resource's metadata values (when the resource is purged). */
export function removeResourceMetadata(store: Store, type: ResourceType, resourceId: number): void {
  for (const entry of metadataOf(store, type, resourceId)) store.remove('metadata', entry.id);
}

function resourceType(raw: string | undefined): ResourceType {
  if (raw === 'customers' || raw === 'subscriptions') return raw;
  throw new SandboxError(404, [messages.unknownResourceType(raw ?? '')]);
}

function ensureMetafield(store: Store, type: ResourceType, name: string, inputType = 'text', options: string[] = []): StoredRecord {
  const existing = store.find('metafields', (field) => field.resource_type === type && field.name === name);
  if (existing) return existing;
  return store.put('metafields', {
    id: store.nextId('metafields'),
    resource_type: type,
    name,
    scope: DEFAULT_SCOPE,
    input_type: inputType,
    enum: options.length > 0 ? options : null,
  });
}

function createMetafields(context: RequestContext) {
  const { store, params, body } = context;
  const type = resourceType(params.resource_type);
  const raw = body.metafields;
  const items = Array.isArray(raw) ? raw : raw !== undefined && raw !== null ? [raw] : [];
  if (items.length === 0) throw new SandboxError(422, [messages.missingRootKey('metafields')]);
  const errors: string[] = [];
  const wanted = items.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name === '') errors.push(messages.metafieldNameBlank);
    else if (store.find('metafields', (field) => field.resource_type === type && field.name === name)) errors.push(messages.taken('Name'));
    const inputType = typeof entry.input_type === 'string' ? entry.input_type : 'text';
    const options = Array.isArray(entry.enum) ? entry.enum.filter((option): option is string => typeof option === 'string') : [];
    return { name, inputType, options };
  });
  if (errors.length > 0) throw new SandboxError(422, errors);
  const created = wanted.map(({ name, inputType, options }) => ensureMetafield(store, type, name, inputType, options));
  return reply(200, created.map(metafieldView));
}

function setMetadata(context: RequestContext) {
  const { store, params, body } = context;
  const type = resourceType(params.resource_type);
  const resource = recordById(store, type, params.resource_id, type === 'customers' ? 'Customer' : 'Subscription');
  const raw = body.metadata;
  const items = Array.isArray(raw) ? raw : raw !== undefined && raw !== null ? [raw] : [];
  if (items.length === 0) throw new SandboxError(422, [messages.missingRootKey('metadata')]);
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const item of items) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name === '') errors.push(messages.metafieldNameBlank);
    else values[name] = entry.value === null || entry.value === undefined ? '' : String(entry.value);
  }
  if (errors.length > 0) throw new SandboxError(422, errors);
  return reply(200, setResourceMetadata(store, type, resource.id, values).map(metadataView));
}

function metadataOf(store: Store, type: ResourceType, resourceId: number): StoredRecord[] {
  return store.allBy('metadata', '_owner', `${type}:${resourceId}`);
}

function metafieldView(field: StoredRecord): Record<string, unknown> {
  const view = publicView(field);
  delete view.resource_type;
  return { ...view, data_count: 0 };
}

function metadataView(entry: StoredRecord): Record<string, unknown> {
  return { id: entry.id, value: entry.value, resource_id: entry.resource_id, name: entry.name };
}

function pageInfo(total: number, query: URLSearchParams) {
  const perPage = Math.min(200, Math.max(1, Number.parseInt(query.get('per_page') ?? '20', 10) || 20));
  return {
    total_count: total,
    current_page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
    total_pages: Math.max(1, Math.ceil(total / perPage)),
    per_page: perPage,
  };
}
