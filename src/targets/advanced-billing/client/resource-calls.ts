// The shapes every resource call takes over the transport: a retry-safe create, an update, a GET that
// may find nothing, and a call whose answer must be one object.
import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error.js';
import { ApiTransport } from './transport.js';
import type { Query } from './transport.js';
import { deriveUniquenessToken } from './uniqueness-token.js';
import type { CreateIntent, Json, JsonObject } from '../api.js';

export type Lookup = () => Promise<JsonObject | undefined>;
/** How to find what an earlier attempt created; uniqueOnSite when the site refuses a second object with that key. */
export interface NaturalLookup {
  lookup: Lookup;
  uniqueOnSite: boolean;
}

/** An id or key as one path segment, so a handle or uid cannot reach another path. */
export const id = (value: number | string): string => encodeURIComponent(String(value));

export class ResourceCalls extends ApiTransport {
  uniquenessToken(naturalKey: string, content: Json): string {
    return deriveUniquenessToken(this.siteIdentity, naturalKey, content);
  }

  /**
   * POST a create under a token derived from the site, the row's natural key and the payload. When the
   * site saw that very create within the hour yet holds no such object (erased since, then imported
   * again), and the object's key is unique on the site, it is created afresh under a new token: the
   * site itself refuses a second object with that key, so this cannot duplicate.
   */
  protected async create(path: string, rootKey: string, answerKey: string, attrs: JsonObject, intent: CreateIntent, natural?: NaturalLookup): Promise<JsonObject> {
    const body = { [rootKey]: attrs };
    // Without a lookup, a 409 still ends in the row-level "cannot be found" conflict, never in a
    // run-ending "no object in the answer": every create names how to find what it made.
    const onDuplicate = intent.lookup ?? natural?.lookup ?? (async () => undefined);
    const send = (token: string) => this.object('POST', path, answerKey, { body, uniquenessToken: token, onDuplicate });
    try {
      return await send(intent.token ?? this.uniquenessToken(intent.naturalKey, body));
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'conflict' && natural?.uniqueOnSite === true)) throw error;
      this.emit(`POST ${path}: ${intent.naturalKey} was created and removed within the hour; creating it again`);
      return send(deriveUniquenessToken(this.siteIdentity, `${intent.naturalKey}#${randomUUID()}`, body));
    }
  }

  /** PUT; after a 409 on a retry the earlier attempt was applied, so the object is read back. */
  protected update(path: string, rootKey: string, attrs: JsonObject, read: Lookup): Promise<JsonObject> {
    return this.object('PUT', path, rootKey, { body: { [rootKey]: attrs }, onDuplicate: read });
  }

  /** GET that answers undefined on 404. */
  protected async optional(path: string, rootKey: string, query?: Query): Promise<JsonObject | undefined> {
    const answer = await this.request<Json>('GET', path, { rootKey, query, allowNotFound: true });
    return answer === undefined ? undefined : asObject(answer, 'GET', path);
  }

  /** A call whose answer must be one object. */
  protected async object(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, rootKey: string, options: Parameters<ApiTransport['request']>[2] = {}): Promise<JsonObject> {
    const answer = await this.request<Json>(method, path, { ...options, rootKey });
    return asObject(answer, method, path);
  }
}

function asObject(answer: Json | undefined, method: string, path: string): JsonObject {
  if (answer !== undefined && answer !== null && typeof answer === 'object' && !Array.isArray(answer)) return answer;
  throw new ApiError({ kind: 'protocol', messages: ['expected a JSON object in the answer'], method, path, detail: 'answered without the expected object' });
}
