// Making the template's price point its parent's default: the site gives a new product or component a
// default price point of its own, and the row that creates the parent names the price point that
// should be it, so that one is promoted and the site's own archived (no duplicate, and a subscription
// that names no price point gets the template's).
import type { AdvancedBillingApi } from '../api.js';

/** The calls that read and move a parent's default price point (a product's or a component's). */
export interface DefaultPricePoint {
  /** The parent's default price point now, read before the promotion (whose answer no longer names it). */
  current(api: AdvancedBillingApi, parentHandle: string): Promise<number | undefined>;
  promote(api: AdvancedBillingApi, parentId: number, pricePointId: number): Promise<unknown>;
  archive(api: AdvancedBillingApi, parentId: number, pricePointId: number): Promise<void>;
}

const idOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export const PRODUCT_DEFAULT: DefaultPricePoint = {
  current: async (api, handle) => idOf((await api.findProductByHandle(handle))?.default_product_price_point_id),
  promote: (api, productId, id) => api.promoteProductPricePoint(productId, id),
  archive: (api, productId, id) => api.archiveProductPricePoint(productId, id),
};

export const COMPONENT_DEFAULT: DefaultPricePoint = {
  current: async (api, handle) => idOf((await api.findComponentByHandle(handle))?.default_price_point_id),
  promote: (api, componentId, id) => api.promoteComponentPricePoint(componentId, id),
  archive: (api, componentId, id) => api.archiveComponentPricePoint(componentId, id),
};

/**
 * Promotes the price point and archives the former default; does nothing when it already is the
 * default, so reconciling a create a crash interrupted can run it again (OperationHandler.finish).
 */
export async function makeDefault(api: AdvancedBillingApi, slot: DefaultPricePoint, parentHandle: string, parentId: number, pricePointId: number): Promise<void> {
  const previous = await slot.current(api, parentHandle);
  if (previous === pricePointId) return;
  await slot.promote(api, parentId, pricePointId);
  if (previous !== undefined) await slot.archive(api, parentId, previous);
}
