// Exactly one of several alternative columns is filled (a coupon is a percentage or a flat discount).
import type { Rule } from './types.js';

export const exactlyOneOf: Rule = {
  id: 'exactly-one-of',
  docs: 'Exactly one of the alternative columns is filled (percentage_discount or flat_discount).',
  scope: 'row',
  messages: {
    none: '{{column}} is required: fill in one of {{columns}}.',
    several: '{{column}} must be blank when {{other}} is filled: fill in only one of {{columns}}.',
  },
  check(context) {
    const names = context.options.columns as string[];
    const indexes = names.map((name) => context.indexOf(name));
    const columns = names.join(', ');
    return {
      row(cells, record) {
        const filled: number[] = [];
        indexes.forEach((index, position) => {
          if (index >= 0 && (cells[index] ?? '').trim() !== '') filled.push(position);
        });
        if (filled.length === 0) {
          context.report(cells, record, { messageId: 'none', column: names[0], value: '', data: { columns } });
        } else if (filled.length > 1) {
          const second = filled[1] as number;
          context.report(cells, record, {
            messageId: 'several',
            column: names[second],
            value: cells[indexes[second] as number] ?? '',
            data: { columns, other: names[filled[0] as number] as string },
          });
        }
      },
    };
  },
};
