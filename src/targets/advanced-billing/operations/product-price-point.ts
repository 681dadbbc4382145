// product_price_point operations → Create Product Price Point on its product, the setup fee as its
// initial charge; the price point of the row that creates its product becomes that product's default.
import type { ProductPricePointFields } from '../../../plan/map/products.js';
import { compact } from './compact.js';
import { siteInfo } from './site.js';
import { PRODUCT_DEFAULT } from './default-price-point.js';
import { pricePointHandler } from './price-point.js';
import { productCents, wireProductPricing } from './product-pricing.js';

export const productPricePointHandler = pricePointHandler<ProductPricePointFields>({
  type: 'product',
  of: (fields) => fields.product,
  async create(api, productId, { fields, source }, intent) {
    const { currency } = await siteInfo(api);
    const attrs = compact({
      name: fields.name,
      handle: fields.handle,
      ...wireProductPricing(source, fields, currency),
      initial_charge_in_cents: productCents(source, 'setupFee', fields.setupFee, currency),
    });
    return api.createProductPricePoint(productId, attrs, intent);
  },
  list: (api, productId) => api.listProductPricePoints(productId),
  defaults: PRODUCT_DEFAULT,
});
