// Making the template's price point its parent's default: the site gives a new product or component a
// default price point of its own, and the row that creates the parent names the price point that
// should be it, so that one is promoted and the site's own archived (no duplicate, and a subscription
// that names no price point gets the template's).
import type { Target } from '../api.js';

/** What promoting needs of the parent (a product or a component). */
interface PricePointParent {
  /** The parent's default price point now, read before the promotion (whose answer no longer names it). */
  currentDefault(): Promise<number | undefined>;
  promote(pricePointId: number): Promise<unknown>;
  archive(pricePointId: number): Promise<void>;
}

const idOf = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Promotes the price point and archives the former default; does nothing when it already is the
 * default, so reconciling a create a crash interrupted can run it again (ImportStep.finish).
 */
async function makeDefault(parent: PricePointParent, pricePointId: number): Promise<void> {
  const previous = await parent.currentDefault();
  if (previous === pricePointId) return;
  await parent.promote(pricePointId);
  if (previous !== undefined) await parent.archive(previous);
}

export function makeProductDefault(target: Target, productHandle: string, productId: number, pricePointId: number): Promise<void> {
  return makeDefault({
    currentDefault: async () => idOf((await target.findProductByHandle(productHandle))?.default_product_price_point_id),
    promote: (id) => target.promoteProductPricePoint(productId, id),
    archive: (id) => target.archiveProductPricePoint(productId, id),
  }, pricePointId);
}

export function makeComponentDefault(target: Target, componentHandle: string, componentId: number, pricePointId: number): Promise<void> {
  return makeDefault({
    currentDefault: async () => idOf((await target.findComponentByHandle(componentHandle))?.default_price_point_id),
    promote: (id) => target.promoteComponentPricePoint(componentId, id),
    archive: (id) => target.archiveComponentPricePoint(componentId, id),
  }, pricePointId);
}
