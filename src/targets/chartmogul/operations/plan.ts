// product_price_point operations → Create a Plan: ChartMogul has no products, so each price point is a
// plan, its `external_id` the price point's key (`${product handle}/${price point handle}`) and its
// interval the price point's. Plans carry no price: the toolkit prices each subscription's opening invoice.
import type { ProductPricePointFields } from '../../../plan/map/products.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import type { JsonObject } from '../api.js';
import { uuidOf } from './context.js';
import { createOnce, type ChartMogulHandler } from './handler.js';

function outcome(baseUrl: string, operation: Operation<ProductPricePointFields>, plan: JsonObject): StepOutcome {
  // ChartMogul's app has no page per plan: the link is the plan in the API.
  return { id: uuidOf(plan), link: `${baseUrl.replace(/\/+$/, '')}/v1/plans/${uuidOf(plan)}`, applied: operation.applied };
}

export const planHandler: ChartMogulHandler<ProductPricePointFields> = {
  async create(context, operation) {
    const dataSource = await context.dataSourceUuid();
    const { fields } = operation;
    const plan = await createOnce(
      () =>
        context.api.createPlan({
          data_source_uuid: dataSource,
          name: fields.name,
          interval_count: fields.interval ?? 1,
          interval_unit: fields.intervalUnit ?? 'month',
          external_id: operation.key,
        }),
      () => context.api.findPlan(dataSource, operation.key),
    );
    return outcome(context.api.baseUrl, operation, plan);
  },
  async find(context, operation) {
    const plan = await context.api.findPlan(await context.dataSourceUuid(), operation.key);
    return plan === undefined ? undefined : outcome(context.api.baseUrl, operation, plan);
  },
};
