// Header check: a column the template does not document (a warning: it is ignored on import).
import type { Rule } from './types.js';

export const unknownColumn: Rule = {
  id: 'unknown-column',
  docs: 'Columns the template does not document are ignored on import (a warning).',
  scope: 'header',
  messages: {
    unknown:
      'Column {{column}} is not part of this template and will be ignored; check its spelling (custom fields are written custom_field[Name]).',
  },
  check(context) {
    const columns = (context.options.columns as string[] | undefined) ?? [];
    return {
      start() {
        for (const column of columns)
          context.reportAt({ row: 1, line: 1, key: '' }, { messageId: 'unknown', column, value: '', severity: 'warning' });
      },
    };
  },
};
