// Bracket columns for volume/tiered/stairstep pricing (starting_quantity_N, ending_quantity_N, price_N,
// or their overage_ forms): present, numeric, and contiguous and ascending from bracket to bracket.
import { DECIMAL, UNSIGNED_DECIMAL } from './values.js';
import type { Rule } from './types.js';

const BRACKET_SCHEMES = new Set(['volume', 'tiered', 'stairstep']);

interface Bracket {
  start: number;
  end: number;
}

export const pricingBrackets: Rule = {
  id: 'pricing-brackets',
  docs: 'For volume, tiered and stairstep pricing, bracket columns are filled, numeric, contiguous and ascending.',
  scope: 'row',
  messages: {
    missing: '{{column}} is required for {{scheme}} pricing; fill in each bracket\'s starting quantity, ending quantity and price.',
    noBrackets: '{{column}} is required: {{scheme}} pricing needs at least one bracket.',
    notNumber: '{{column}} must be a plain number, not "{{value}}".',
    endBeforeStart: '{{column}} ({{value}}) is smaller than the bracket\'s starting quantity ({{start}}).',
    notContiguous: '{{column}} must be {{expected}} so the brackets are contiguous (the previous bracket ends at {{previousEnd}}).',
    openEndNotLast: '{{column}} is blank, but only the last bracket may be open-ended.',
  },
  check(context) {
    const prefix = (context.options.prefix as string | undefined) ?? '';
    const schemeIndex = context.indexOf(`${prefix}pricing_scheme`);
    const startName = `${prefix}starting_quantity_`;
    const numbers = new Set<number>();
    for (const cell of context.header) {
      for (const base of [startName, `${prefix}ending_quantity_`, `${prefix}price_`]) {
        if (cell.startsWith(base) && /^[1-9]\d*$/.test(cell.slice(base.length))) numbers.add(Number(cell.slice(base.length)));
      }
    }
    const columns = [...numbers].sort((a, b) => a - b).map((n) => ({
      n,
      start: context.header.indexOf(`${startName}${n}`),
      end: context.header.indexOf(`${prefix}ending_quantity_${n}`),
      price: context.header.indexOf(`${prefix}price_${n}`),
    }));
    const cell = (cells: readonly string[], index: number): string => (index < 0 ? '' : (cells[index] ?? '').trim());
    return {
      row(cells, record) {
        const scheme = schemeIndex < 0 ? '' : (cells[schemeIndex] ?? '').trim();
        if (!BRACKET_SCHEMES.has(scheme)) return;
        const filled = columns.filter((c) => cell(cells, c.start) !== '' || cell(cells, c.end) !== '' || cell(cells, c.price) !== '');
        if (filled.length === 0) {
          context.report(cells, record, { messageId: 'noBrackets', column: `${startName}1`, value: '', data: { scheme } });
          return;
        }
        const brackets: Bracket[] = [];
        for (const [position, c] of filled.entries()) {
          const last = position === filled.length - 1;
          const values = { start: cell(cells, c.start), end: cell(cells, c.end), price: cell(cells, c.price) };
          const names = {
            start: `${startName}${c.n}`,
            end: `${prefix}ending_quantity_${c.n}`,
            price: `${prefix}price_${c.n}`,
          };
          let broken = false;
          for (const part of ['start', 'end', 'price'] as const) {
            const value = values[part];
            if (value === '') {
              if (part === 'end' && last) continue;
              context.report(cells, record, {
                messageId: part === 'end' ? 'openEndNotLast' : 'missing',
                column: names[part],
                value: '',
                data: { scheme },
              });
              broken = true;
            } else if (!(part === 'price' ? DECIMAL : UNSIGNED_DECIMAL).test(value)) {
              context.report(cells, record, { messageId: 'notNumber', column: names[part], value });
              broken = true;
            }
          }
          if (broken) return;
          const bracket: Bracket = {
            start: Number(values.start),
            end: values.end === '' ? Number.POSITIVE_INFINITY : Number(values.end),
          };
          if (bracket.end < bracket.start) {
            context.report(cells, record, { messageId: 'endBeforeStart', column: names.end, value: values.end, data: { start: values.start } });
            return;
          }
          const previous = brackets[brackets.length - 1];
          if (previous && bracket.start !== previous.end + 1) {
            context.report(cells, record, {
              messageId: 'notContiguous',
              column: names.start,
              value: values.start,
              data: { expected: previous.end + 1, previousEnd: previous.end },
            });
            return;
          }
          brackets.push(bracket);
        }
      },
    };
  },
};
