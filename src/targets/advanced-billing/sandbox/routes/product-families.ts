// Product families: create, list, read (by id or `handle:`).
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, paginate, publicView, rootObject } from '../fields.js';
import { findByField, recordByPathKey, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import { checkHandleFormat, handleFrom } from './handles.js';

export function registerProductFamilyRoutes(router: Router): void {
  router.add('POST', '/product_families.json', createProductFamily);
  router.add('GET', '/product_families.json', ({ store, query }) =>
    reply(200, paginate(recordsWhere(store, 'product_families', () => true), query).map((family) => ({ product_family: publicView(family) }))),
  );
  router.add('GET', '/product_families/:id.json', ({ store, params }) =>
    reply(200, { product_family: publicView(recordByPathKey(store, 'product_families', params.id, 'Product family')) }),
  );
}

function createProductFamily(context: RequestContext) {
  const { store, now } = context;
  const attrs = rootObject(context, 'product_family');
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const handle = handleFrom(errors, attrs, name);
  checkHandleFormat(errors, handle);
  if (name !== undefined && store.find('product_families', (family) => family.name === name)) errors.add(messages.taken('Name'));
  if (handle !== undefined && findByField(store, 'product_families', 'handle', handle)) {
    errors.add(messages.handleTaken(handle, 'Product Family'));
  }
  const description = errors.string(attrs, 'description', 'Description') ?? null;
  const accountingCode = errors.string(attrs, 'accounting_code', 'Accounting code') ?? null;
  errors.done();
  if (name === undefined || handle === undefined) throw new SandboxError(422, [messages.blank('Name')]);
  const at = timestamp(now);
  const family = store.put('product_families', {
    id: store.nextId('product_families'),
    name,
    handle,
    accounting_code: accountingCode,
    description,
    created_at: at,
    updated_at: at,
  });
  return reply(201, { product_family: publicView(family) });
}
