// Custom fields (the API's metafields) on customers and subscriptions: their definitions, defined
// one caller at a time per resource type, and each record's values.
import type { ApiTransport } from './transport.js';
import { id } from './resource-calls.js';

export type ResourceType = 'customers' | 'subscriptions';

export class CustomFields {
  /** The last ensureMetafields per resource type: each waits for the one before it (see below). */
  private metafieldsQueue = new Map<ResourceType, Promise<void>>();

  constructor(private readonly transport: Pick<ApiTransport, 'request' | 'paginate'>) {}

  async listMetafieldNames(resourceType: ResourceType): Promise<string[]> {
    const names: string[] = [];
    for await (const field of this.transport.paginate(`/${resourceType}/metafields.json`, 'metafields')) names.push(String(field.name));
    return names;
  }

  /**
   * Check-then-create is a race when rows import in parallel: two rows with the same new custom field
   * would both see it missing and the second create is refused ("Name: must be unique"). Calls are
   * therefore queued per resource type, so each sees what the one before it defined.
   */
  ensureMetafields(resourceType: ResourceType, names: string[]): Promise<void> {
    const previous = this.metafieldsQueue.get(resourceType) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.defineMissingMetafields(resourceType, names));
    this.metafieldsQueue.set(resourceType, next);
    return next;
  }

  private async defineMissingMetafields(resourceType: ResourceType, names: string[]): Promise<void> {
    const existing = new Set(await this.listMetafieldNames(resourceType));
    const missing = [...new Set(names)].filter((name) => !existing.has(name));
    if (missing.length === 0) return;
    await this.transport.request('POST', `/${resourceType}/metafields.json`, {
      body: { metafields: missing.map((name) => ({ name, input_type: 'text' })) },
    });
  }

  async setMetadata(resourceType: ResourceType, resourceId: number, values: Record<string, string>, known?: Record<string, string>): Promise<void> {
    const path = `/${resourceType}/${id(resourceId)}/metadata.json`;
    const current = known ?? (await this.listMetadata(resourceType, resourceId));
    const added = Object.entries(values).filter(([name]) => !(name in current));
    const changed = Object.entries(values).filter(([name, value]) => name in current && current[name] !== value);
    if (added.length > 0) {
      await this.transport.request('POST', path, { body: { metadata: added.map(([name, value]) => ({ name, value })) } });
    }
    for (const [name, value] of changed) {
      await this.transport.request('PUT', path, { body: { metadata: { name, value } } });
    }
  }

  async listMetadata(resourceType: ResourceType, resourceId: number): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for await (const entry of this.transport.paginate(`/${resourceType}/${id(resourceId)}/metadata.json`, 'metadata')) {
      if (typeof entry.name === 'string' && entry.deleted_at == null) values[entry.name] = entry.value == null ? '' : String(entry.value);
    }
    return values;
  }
}
