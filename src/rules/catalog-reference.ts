// Cross-file: product handles, price points, components, component price points, coupon codes and
// product families named by a row exist in the catalog files, when those files are given. Numeric
// values are site ids of existing objects and are not checked here.
import type { ReferenceSet } from '../templates/types.js';
import { isNumericId } from './values.js';
import type { Rule } from './types.js';

const NOUNS: Record<ReferenceSet, string> = {
  customer: 'customer',
  'customer-with-parent': 'customer with a parent',
  'product-family': 'product family',
  product: 'product',
  'product-price-point': 'price point',
  component: 'component',
  'component-price-point': 'component price point',
  'component-event-based': 'event-based component',
  'component-metric': 'metric of the event-based component',
  coupon: 'coupon',
  subscription: 'subscription',
};

export const catalogReference: Rule = {
  id: 'catalog-reference',
  docs: 'When catalog files are given, the handle or code names a product, price point, component or coupon in them.',
  scope: 'cross-file',
  messages: {
    unknown: '{{column}} "{{value}}" is not a {{noun}} in the catalog files; add it to the catalog or fix the value.',
    unknownWithin: '{{column}} "{{value}}" is not a {{noun}} of {{parent}} in the catalog files; add it or fix the value.',
  },
  check(context) {
    const set = context.options.set as ReferenceSet;
    const parentName = context.options.parent as string | undefined;
    const parentIndex = parentName === undefined ? -1 : context.indexOf(parentName);
    const references = context.references;
    const index = context.index;
    const noun = NOUNS[set];
    if (!references.has(set)) return {};
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value === '' || isNumericId(value)) return;
        if (parentName === undefined) {
          if (!references.includes(set, value)) context.report(cells, record, { messageId: 'unknown', data: { noun } });
          return;
        }
        const parent = parentIndex < 0 ? '' : (cells[parentIndex] ?? '').trim();
        if (parent === '' || isNumericId(parent)) return;
        if (!references.includes(set, value, parent))
          context.report(cells, record, { messageId: 'unknownWithin', data: { noun, parent } });
      },
    };
  },
};
