// Customers: create (with parent_id for hierarchies), list, read, update, delete, lookup by reference,
// and a customer's subscriptions. Customer validation is shared with subscription signups.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, paginate, publicView, recordById, rootObject, type Attributes } from '../fields.js';
import { dateRangeFilter } from '../list-filters.js';
import { findByField, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { removeResourceMetadata } from './metafields.js';
import { subscriptionView } from './subscription-view.js';

const TEXT_FIELDS: Array<[string, string]> = [
  ['cc_emails', 'CC emails'],
  ['organization', 'Organization'],
  ['address', 'Address'],
  ['address_2', 'Address 2'],
  ['city', 'City'],
  ['state', 'State'],
  ['zip', 'Zip'],
  ['country', 'Country'],
  ['phone', 'Phone'],
  ['locale', 'Locale'],
  ['vat_number', 'VAT number'],
];

/**
 * The spec's customer search `q`: "an email, an ID, a reference, organization". An all-digit query is
 * also tried as the id; text matches, ignoring case, anywhere in the email, reference or organization.
 */
function searchFor(q: string | null): (customer: StoredRecord) => boolean {
  const needle = q?.trim().toLowerCase() ?? '';
  if (needle === '') return () => true;
  const fields = ['email', 'reference', 'organization'];
  return (customer) =>
    String(customer.id) === needle || fields.some((field) => typeof customer[field] === 'string' && (customer[field] as string).toLowerCase().includes(needle));
}

export function registerCustomerRoutes(router: Router): void {
  router.add('POST', '/customers.json', (context) => {
    const customer = createCustomer(context.store, rootObject(context, 'customer'), context.now);
    return reply(200, { customer: publicView(customer) });
  });
  router.add('GET', '/customers.json', ({ store, query, site }) => {
    const inRange = dateRangeFilter(query, site.timeZone, ['created_at', 'updated_at'], 'GET /customers.json');
    const matches = searchFor(query.get('q'));
    const customers = recordsWhere(store, 'customers', (customer) => matches(customer) && (inRange === undefined || inRange(customer)));
    const ordered = query.get('direction') === 'desc' ? customers.reverse() : customers;
    return reply(200, paginate(ordered, query).map((customer) => ({ customer: publicView(customer) })));
  });
  router.add('GET', '/customers/lookup.json', ({ store, query }) => {
    const customer = findByField(store, 'customers', 'reference', query.get('reference') ?? '');
    if (!customer) throw new SandboxError(404, [messages.recordNotFound('Customer')]);
    return reply(200, { customer: publicView(customer) });
  });
  router.add('GET', '/customers/:id.json', ({ store, params }) =>
    reply(200, { customer: publicView(recordById(store, 'customers', params.id, 'Customer')) }),
  );
  router.add('PUT', '/customers/:id.json', updateCustomer);
  router.add('DELETE', '/customers/:id.json', deleteCustomer);
  router.add('GET', '/customers/:id/subscriptions.json', ({ store, params }) => {
    const customer = recordById(store, 'customers', params.id, 'Customer');
    const subscriptions = store.allBy('subscriptions', 'customer_id', customer.id);
    return reply(200, subscriptions.map((subscription) => ({ subscription: subscriptionView(store, subscription) })));
  });
}

/** Validates and stores a new customer; throws one 422 with every field error. */
export function createCustomer(store: Store, attrs: Attributes, now: Date, errors = new FieldErrors()): StoredRecord {
  const fields = readCustomerFields(store, attrs, errors, undefined);
  for (const required of [['first_name', 'First name'], ['last_name', 'Last name'], ['email', 'Email address']] as const) {
    if (fields[required[0]] === undefined || fields[required[0]] === null) errors.add(messages.blank(required[1]));
  }
  errors.done();
  const at = timestamp(now);
  const id = store.nextId('customers');
  return store.put('customers', {
    id,
    first_name: null,
    last_name: null,
    email: null,
    cc_emails: null,
    organization: null,
    reference: null,
    address: null,
    address_2: null,
    city: null,
    state: null,
    state_name: null,
    zip: null,
    country: null,
    country_name: null,
    phone: null,
    verified: false,
    portal_customer_created_at: null,
    portal_invite_last_sent_at: null,
    portal_invite_last_accepted_at: null,
    tax_exempt: false,
    vat_number: null,
    parent_id: null,
    locale: null,
    default_subscription_group_uid: null,
    ...fields,
    created_at: at,
    updated_at: at,
  });
}

function updateCustomer(context: RequestContext) {
  const { store, params, now } = context;
  const customer = recordById(store, 'customers', params.id, 'Customer');
  const errors = new FieldErrors();
  const fields = readCustomerFields(store, rootObject(context, 'customer'), errors, customer);
  for (const required of [['first_name', 'First name'], ['last_name', 'Last name'], ['email', 'Email address']] as const) {
    if (required[0] in fields && fields[required[0]] === null) errors.add(messages.blank(required[1]));
  }
  errors.done();
  const updated = store.put('customers', { ...customer, ...fields, updated_at: timestamp(now) });
  return reply(200, { customer: publicView(updated) });
}

function deleteCustomer({ store, params }: RequestContext) {
  const customer = recordById(store, 'customers', params.id, 'Customer');
  if (store.allBy('subscriptions', 'customer_id', customer.id).length > 0) {
    throw new SandboxError(422, [messages.customerHasSubscriptions]);
  }
  for (const profile of store.allBy('payment_profiles', 'customer_id', customer.id)) store.remove('payment_profiles', profile.id);
  removeResourceMetadata(store, 'customers', customer.id);
  store.remove('customers', customer.id);
  return reply(204);
}

/** The customer fields present in attrs (blank ones as null), checked; `existing` is set on update. */
function readCustomerFields(store: Store, attrs: Attributes, errors: FieldErrors, existing: StoredRecord | undefined) {
  const fields: Record<string, string | number | boolean | null> = {};
  const text = (key: string, label: string): void => {
    if (!(key in attrs)) return;
    fields[key] = errors.string(attrs, key, label) ?? null;
  };
  text('first_name', 'First name');
  text('last_name', 'Last name');
  text('email', 'Email address');
  text('reference', 'Reference');
  for (const [key, label] of TEXT_FIELDS) text(key, label);
  const email = fields.email;
  if (typeof email === 'string' && !isEmailAddress(email)) errors.add(messages.invalid('Email address'));
  const reference = fields.reference;
  if (typeof reference === 'string') {
    const holder = findByField(store, 'customers', 'reference', reference);
    if (holder && holder.id !== existing?.id) errors.add(messages.taken('Reference'));
  }
  for (const key of ['tax_exempt', 'verified'] as const) {
    const value = errors.boolean(attrs, key, key === 'tax_exempt' ? 'Tax exempt' : 'Verified');
    if (value !== undefined) fields[key] = value;
  }
  if ('parent_id' in attrs) {
    const parentId = errors.integer(attrs, 'parent_id', 'Parent') ?? null;
    if (parentId !== null) {
      if (existing && parentId === existing.id) errors.add(messages.parentIsSelf);
      else if (!store.get('customers', parentId)) errors.add(messages.notFoundBy('Parent', 'id', String(parentId)));
    }
    fields.parent_id = parentId;
  }
  return fields;
}

/**
 * "local@domain.tld": one @, no whitespace, a dot inside the domain. Checked in one pass: the regular
 * expression it replaces backtracked on a crafted address of many dots (seconds per request).
 */
function isEmailAddress(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const dot = value.indexOf('.', at + 2);
  return dot !== -1 && dot < value.length - 1;
}
