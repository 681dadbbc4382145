// Turns a spec operation and one of its request examples into a request on the fixture site: path
// parameters and lookup keys from the fixture's objects, and the ids, handles and codes an example
// refers to replaced by the fixture's own, by field name (an example's `customer_id: 24907598` is the
// fixture's customer), so that each example is sent as the spec gives it against objects that exist.
import type { ComponentKind, Fixture, FixtureComponent } from './spec-fixture.js';
import type { Json } from './spec-operations.js';

/** The values `{resource_type}` takes: the spec's enum, each run as its own case. */
export const RESOURCE_TYPES = ['customers', 'subscriptions'] as const;

/** The component a path's `{component_id}` names: segments need an event-based one; an example's name says which kind it is for. */
function pathComponent(template: string, example: string, fixture: Fixture): FixtureComponent {
  if (template.includes('/segments')) return fixture.components.event_based;
  if (/prepaid/i.test(example)) return fixture.components.prepaid_usage;
  if (/on.?off/i.test(example)) return fixture.components.on_off;
  return fixture.components.quantity_based;
}

/** The concrete path of a template on the fixture site. */
export function pathFor(method: string, template: string, example: string, resourceType: string, fixture: Fixture): string {
  const component = pathComponent(template, example, fixture);
  // A customer that holds subscriptions is not deleted: the spec's one answer (204) is for one that does not.
  const customer = method === 'DELETE' ? fixture.spare.id : fixture.customer.id;
  const values: Record<string, string | number> = {
    resource_type: resourceType,
    resource_id: resourceType === 'customers' ? fixture.customer.id : fixture.subscription.id,
    id: template.startsWith('/product_families') ? fixture.familyId : customer,
    product_family_id: fixture.familyId,
    product_id: fixture.product.id,
    api_handle: fixture.product.handle,
    price_point_id: template.startsWith('/products') ? fixture.product.pricePoint.id : component.pricePoint.id,
    component_id: component.id,
    coupon_id: fixture.coupon.id,
    customer_id: fixture.customer.id,
    payment_profile_id: fixture.paymentProfileId,
    subscription_id: fixture.subscription.id,
    uid: fixture.invoiceUid,
  };
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no fixture value for the path parameter ${name} of ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** The lookup keys a request needs to name an object (`?handle=`, `?reference=`, `?code=`, `?ack=`), where the operation declares them. */
export function queryFor(template: string, declared: Set<string>, fixture: Fixture): string {
  const values: Record<string, string> = {
    handle: fixture.components.quantity_based.handle,
    reference: template.startsWith('/subscriptions') ? fixture.subscription.reference : fixture.customer.reference,
    code: fixture.coupon.code,
    ack: String(fixture.customer.id),
  };
  const query = new URLSearchParams(Object.entries(values).filter(([name]) => declared.has(name)));
  return query.size === 0 ? '' : `?${query.toString()}`;
}

/** Which kind of component an entry of a `components` list is for, by the fields it sets. */
function entryKind(entry: Json): ComponentKind | undefined {
  if ('enabled' in entry) return 'on_off';
  if ('unit_balance' in entry) return 'metered';
  if ('allocated_quantity' in entry) return 'quantity_based';
  return undefined;
}

const KIND_ORDER: ComponentKind[] = ['quantity_based', 'metered', 'prepaid_usage', 'on_off', 'event_based'];

/** An id or `handle:` reference to a fixture object, in the form the example used. */
const referenceLike = (given: unknown, id: number, handle: string): unknown => (typeof given === 'string' && given.startsWith('handle:') ? `handle:${handle}` : id);

/** A list's entries with their component (and price point) the fixture's: one component per entry, of the kind the entry's fields ask for. */
function withFixtureComponents(entries: Json[], fixture: Fixture): Json[] {
  const used = new Set<ComponentKind>();
  return entries.map((entry) => {
    const wanted = entryKind(entry);
    const kind = wanted !== undefined && !used.has(wanted) ? wanted : (KIND_ORDER.find((candidate) => !used.has(candidate)) ?? 'quantity_based');
    used.add(kind);
    const component = fixture.components[kind];
    const rewritten: Json = { ...(withFixtureReferences(entry, fixture) as Json), component_id: referenceLike(entry.component_id, component.id, component.handle) };
    if (entry.price_point_id !== undefined && entry.price_point_id !== null) {
      rewritten.price_point_id = referenceLike(entry.price_point_id, component.pricePoint.id, component.pricePoint.handle);
    }
    return rewritten;
  });
}

/** The example with every reference to another object replaced by the fixture's object of that kind. */
export function withFixtureReferences(value: unknown, fixture: Fixture): unknown {
  if (Array.isArray(value)) {
    if (value.some((item) => typeof item === 'object' && item !== null && 'component_id' in item)) return withFixtureComponents(value as Json[], fixture);
    return value.map((item) => withFixtureReferences(item, fixture));
  }
  if (typeof value !== 'object' || value === null) return value;
  const byField: Record<string, (given: unknown) => unknown> = {
    product_handle: () => fixture.product.handle,
    product_id: () => fixture.product.id,
    product_price_point_id: () => fixture.product.pricePoint.id,
    product_price_point_handle: () => fixture.product.pricePoint.handle,
    product_family_id: (given) => (typeof given === 'string' ? String(fixture.familyId) : fixture.familyId),
    customer_id: () => fixture.customer.id,
    parent_id: () => fixture.parent.id,
    payment_profile_id: () => fixture.paymentProfileId,
    coupon_code: () => fixture.coupon.code,
    coupon_codes: () => [fixture.coupon.code],
    // A coupon's restrictions are keyed by the ids of the products and components they name.
    restricted_products: (given) => Object.fromEntries(Object.values(given as Json).map((flag) => [String(fixture.product.id), flag])),
    restricted_components: (given) => Object.fromEntries(Object.values(given as Json).map((flag, index) => [String(fixture.components[KIND_ORDER[index] ?? 'quantity_based'].id), flag])),
  };
  const object = value as Json;
  const result: Json = {};
  for (const [name, inner] of Object.entries(object)) {
    const replace = byField[name];
    result[name] = replace !== undefined && inner !== null && inner !== undefined ? replace(inner) : withFixtureReferences(inner, fixture);
  }
  // A group's target names the customer or subscription who pays.
  if (typeof object.type === 'string' && 'id' in object) result.id = object.type === 'subscription' ? fixture.subscription.id : fixture.customer.id;
  return result;
}
