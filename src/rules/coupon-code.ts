// Coupon codes: letters, numbers and % @ + - _ . only.
import type { Rule } from './types.js';

const CODE = /^[A-Za-z0-9%@+\-_.]+$/;

export const couponCode: Rule = {
  id: 'coupon-code',
  docs: 'When filled, a coupon code of letters, numbers and % @ + - _ . only.',
  scope: 'cell',
  messages: { invalid: '{{column}} "{{value}}" may contain only letters, numbers and % @ + - _ .' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value !== '' && !CODE.test(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
