// product operations → Create Product in its family, with the row's price as the product's own price
// point; found again by handle.
import type { ProductFields } from '../../../plan/map/products.js';
import { compact } from '../../../plan/map/cells.js';
import { resolveId } from '../../../importer/steps/refs.js';
import { linkTo, siteInfo } from '../../../importer/steps/site.js';
import { objectId } from '../../../importer/steps/step.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import type { JsonObject, Target } from '../api.js';
import type { OperationHandler } from './handler.js';
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
    return outcome(api, operation, product);
  },
  async find(api, operation) {
    const product = await api.findProductByHandle(operation.fields.handle);
    return product ? outcome(api, operation, product) : undefined;
  },
};

function outcome(api: Target, operation: Operation<ProductFields>, product: JsonObject): StepOutcome {
  return { id: objectId(product), link: linkTo(api, { type: 'product', id: objectId(product) }), applied: operation.applied };
}
