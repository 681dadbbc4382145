// ChartMogul's refusals read into one error: its envelopes differ by endpoint ({code, message, param},
// {error}, {errors: {field: message}}, an invoice import's {invoices: [{external_id, errors}]}), and a 422
// saying the object is already there is marked, as chartmogul-go's IsAlreadyExists recognises it.
import type { Json, JsonObject } from '../../advanced-billing/api.js';
import { ApiError, type ApiErrorKind } from '../../advanced-billing/client/api-error.js';
import { errorBodyMessages } from '../../advanced-billing/client/error-body.js';

/** The wordings of "already there": "… already exists in our system." and "Has already been taken." */
const ALREADY_EXISTS = /already exists|has already been taken/i;

export class ChartMogulError extends ApiError {
  /** A 422 that says the object (its external id, its name) is already there. */
  readonly alreadyExists: boolean;

  constructor(fields: { kind: ApiErrorKind; status?: number; messages: string[]; method: string; path: string; detail?: string }) {
    super(fields);
    this.name = 'ChartMogulError';
    this.alreadyExists = fields.status === 422 && fields.messages.some((message) => ALREADY_EXISTS.test(message));
  }
}

/** The reasons a ChartMogul error answer gives, in order; an invoice import's name the invoice each is about. */
export function chartMogulMessages(body: Json | undefined, text: string): string[] {
  const invoices = isObject(body) && Array.isArray(body.invoices) ? body.invoices : undefined;
  if (invoices === undefined) return errorBodyMessages(body, text);
  const messages = invoices.flatMap((invoice) => {
    if (!isObject(invoice) || !isObject(invoice.errors) || Object.keys(invoice.errors).length === 0) return [];
    const which = typeof invoice.external_id === 'string' ? `invoice ${invoice.external_id}: ` : '';
    return errorBodyMessages({ errors: invoice.errors }).map((message) => `${which}${message}`);
  });
  return messages.length > 0 ? messages : errorBodyMessages(body, text);
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
