// Conditionally required: the column must have a value when another column has a value or one of
// some values ("If shipping_address has a value", "Required if payment_profile_type is credit_card").
import type { Condition } from '../templates/types.js';
import type { Rule } from './types.js';

function describe(condition: Condition, nameOf: (name: string) => string): string {
  const column = nameOf(condition.column);
  if (condition.present) return `${column} has a value`;
  if (condition.is) return `${column} is ${condition.is.join(' or ')}`;
  return `${column} is not ${(condition.isNot ?? []).join(' or ')}`;
}

export const requiredIf: Rule = {
  id: 'required-if',
  docs: 'The column must have a value when another column has a value, or a given value.',
  scope: 'row',
  messages: { missing: '{{column}} is required when {{reason}}; fill it in.' },
  check(context) {
    const when = context.options.when as Condition[];
    const applies = context.test(when);
    const each = when.map((condition) => ({ holds: context.test([condition]), text: describe(condition, context.nameOf) }));
    const index = context.index;
    return {
      row(cells, record) {
        if (!applies(cells)) return;
        const value = index < 0 ? undefined : cells[index];
        if (value !== undefined && value.trim() !== '') return;
        // Name only the conditions this row meets: "when vat_number has a value", not every trigger.
        const reason = each.filter((condition) => condition.holds(cells)).map((condition) => condition.text).join(', and ');
        context.report(cells, record, { messageId: 'missing', data: { reason } });
      },
    };
  },
};
