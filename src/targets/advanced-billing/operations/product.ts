// product operations → Create Product in its family, with the row's price as the product's own price
// point; found again by handle.
import { PRODUCT_DEFAULT, rememberDefault } from './default-price-point.js';
import type { ProductFields } from '../../../plan/map/products.js';
import { compact } from './compact.js';
import { resolveId } from './lookup.js';
import { siteInfo } from './site.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';
import { wireProductPricing } from './product-pricing.js';

export const productHandler: OperationHandler<ProductFields> = {
  async create(api, operation, resolver, intent) {
    const { currency } = await siteInfo(api);
    const { fields } = operation;
    const familyId = await resolveId(fields.family, resolver);
    const attrs = {
      ...compact({
        name: fields.name,
        handle: fields.handle,
        // Sent even when blank, as the product always was.
        description: fields.description ?? '',
        tax_code: fields.taxCode,
        require_credit_card: fields.requirePaymentMethod,
        auto_create_signup_page: fields.autoCreateSignupPage,
      }),
      ...wireProductPricing(operation.source, fields, currency),
    };
    const product = await api.createProduct(familyId, attrs, intent(() => api.findProductByHandle(fields.handle)));
    rememberDefault(api, PRODUCT_DEFAULT, product);
    return outcomeOf(api, product, operation.applied, { type: 'product' });
  },
  async find(api, operation) {
    const product = await api.findProductByHandle(operation.fields.handle);
    return product ? outcomeOf(api, product, operation.applied, { type: 'product' }) : undefined;
  },
};
