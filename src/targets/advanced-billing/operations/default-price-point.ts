// Making the template's price point its parent's default: the site gives a new product or component a
// default price point of its own, and the row that creates the parent names the price point that
// should be it, so that one is promoted and the site's own archived (no duplicate, and a subscription
// that names no price point gets the template's).
import { perTarget } from './per-target.js';
import type { AdvancedBillingApi, JsonObject } from '../api.js';

/** The calls that read and move a parent's default price point (a product's or a component's). */
export interface DefaultPricePoint {
  /** The parent's default price point now, read before the promotion (whose answer no longer names it). */
  current(api: AdvancedBillingApi, parentHandle: string): Promise<number | undefined>;
  promote(api: AdvancedBillingApi, parentId: number, pricePointId: number): Promise<unknown>;
  archive(api: AdvancedBillingApi, parentId: number, pricePointId: number): Promise<void>;
  /** The parent's current (unarchived) price points. */
  list(api: AdvancedBillingApi, parentId: number): AsyncIterable<JsonObject>;
  /** The default price point a create's or lookup's answer for the parent names. */
  inAnswer(parent: JsonObject): number | undefined;
  /** Which kind of parent (the key of the remembered defaults). */
  parent: 'product' | 'component';
}

/**
 * The default price point of each parent this target created or promoted in this process, so the
 * promotion right after a create needs no read of the parent (one call fewer per product and component).
 */
const defaultsOf = perTarget<string, number>();

/** Remembers the default price point the site's answer for a parent names (called by the parent's create). */
export function rememberDefault(api: AdvancedBillingApi, slot: DefaultPricePoint, parent: JsonObject): void {
  const pricePoint = slot.inAnswer(parent);
  if (typeof parent.id === 'number' && pricePoint !== undefined) defaultsOf(api).set(`${slot.parent}:${parent.id}`, pricePoint);
}

/** The name the site gives the default price point it makes with a new product or component (the spec's examples). */
const SITE_DEFAULT_NAME = 'Original';

const idOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export const PRODUCT_DEFAULT: DefaultPricePoint = {
  current: async (api, handle) => idOf((await api.findProductByHandle(handle))?.default_product_price_point_id),
  promote: (api, productId, id) => api.promoteProductPricePoint(productId, id),
  archive: (api, productId, id) => api.archiveProductPricePoint(productId, id),
  list: (api, productId) => api.listProductPricePoints(productId),
  inAnswer: (product) => idOf(product.default_product_price_point_id),
  parent: 'product',
};

export const COMPONENT_DEFAULT: DefaultPricePoint = {
  current: async (api, handle) => idOf((await api.findComponentByHandle(handle))?.default_price_point_id),
  promote: (api, componentId, id) => api.promoteComponentPricePoint(componentId, id),
  archive: (api, componentId, id) => api.archiveComponentPricePoint(componentId, id),
  list: (api, componentId) => api.listComponentPricePoints(componentId),
  inAnswer: (component) => idOf(component.default_price_point_id),
  parent: 'component',
};

/**
 * Promotes the price point and archives the former default. Reconciling a create a crash interrupted
 * runs it again (OperationHandler.finish), and the crash may have fallen between the promotion and the
 * archive: when the price point already is the default, the site's own default is looked for and
 * archived if it is still there. It is told by the name the site gives it and by being older than the
 * template's price point (which is created after its parent); `finish` runs only for the row that
 * created the parent, so the parent's price points are all this import's or the site's own.
 */
export async function makeDefault(api: AdvancedBillingApi, slot: DefaultPricePoint, parentHandle: string, parentId: number, pricePointId: number): Promise<void> {
  const key = `${slot.parent}:${parentId}`;
  const previous = defaultsOf(api).get(key) ?? (await slot.current(api, parentHandle));
  if (previous !== pricePointId) {
    await slot.promote(api, parentId, pricePointId);
    defaultsOf(api).set(key, pricePointId);
    if (previous !== undefined) await slot.archive(api, parentId, previous);
    return;
  }
  const leftovers: number[] = [];
  for await (const point of slot.list(api, parentId)) {
    if (point.name === SITE_DEFAULT_NAME && typeof point.id === 'number' && point.id < pricePointId && point.archived_at == null) leftovers.push(point.id);
  }
  for (const id of leftovers) await slot.archive(api, parentId, id);
}
