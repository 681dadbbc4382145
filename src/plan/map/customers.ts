// The customer columns shared by the standard and advanced templates → neutral customer fields, and
// Create Customers (advanced) rows → a customer (its parent a dependency, so hierarchy levels follow)
// and, with create_payment_profile TRUE, its payment profile.
import type { ObjectRef, Operation, SourceRow } from '../operation.js';
import { vatNumberAsImported } from '../../rules/vat-formats.js';
import { RowError } from '../row-error.js';
import { addressOf, type AddressFields } from './address.js';
import { appliedCells, cell, flag, requiredCell } from './cells.js';
import { customFieldsOf } from './custom-fields.js';
import { defined } from './defined.js';
import { PAYMENT_PROFILE_COLUMNS, paymentFieldsOf, type PaymentFields } from './payment.js';

export type CustomerFields = {
  firstName: string;
  lastName: string;
  email: string;
  /** Further addresses for invoices, comma-separated. */
  ccEmails?: string;
  organization?: string;
  /** The customer's reference (its natural key) when the row gives one. */
  reference?: string;
  phone?: string;
  address?: AddressFields;
  locale?: string;
  /** Without its country prefix ("DE123456789" → "123456789"), as the template document says it is stored. */
  vatNumber?: string;
  taxExempt?: boolean;
  verified?: boolean;
  /** The parent in a customer hierarchy. */
  parent?: ObjectRef;
  /** Custom field values by field name (the fields must exist on the target). */
  customFields?: Record<string, string>;
};

/** A payment profile for a customer, from the payment columns of its row. */
export type PaymentProfileFields = {
  customer: ObjectRef;
  payment: PaymentFields;
};

export type CustomerOperation = Operation<CustomerFields> & { kind: 'customer' };
export type PaymentProfileOperation = Operation<PaymentProfileFields> & { kind: 'payment_profile' };

/** The customer columns of a row (`reference` from the template's reference column) and its custom fields. */
export function customerFieldsOf(row: SourceRow, reference: string | undefined): CustomerFields {
  const firstName = requiredCell(row, 'first_name');
  const lastName = requiredCell(row, 'last_name');
  const email = requiredCell(row, 'email');
  const address = addressOf(row, 'shipping_');
  const fields: CustomerFields = {
    firstName,
    lastName,
    email,
    ...defined({ ccEmails: ccEmails(row), organization: cell(row, 'organization_name'), reference, phone: cell(row, 'phone') }),
    ...(address ? { address } : {}),
    ...defined({ locale: cell(row, 'locale'), vatNumber: vatNumber(row), taxExempt: flag(row, 'tax_exempt'), verified: flag(row, 'verified') }),
  };
  const customFields = customFieldsOf(row, 'customers');
  return Object.keys(customFields).length > 0 ? { ...fields, customFields } : fields;
}

function ccEmails(row: SourceRow): string | undefined {
  const value = cell(row, 'cc_emails');
  return value?.split(',').map((email) => email.trim()).filter((email) => email !== '').join(',');
}

function vatNumber(row: SourceRow): string | undefined {
  const value = cell(row, 'vat_number');
  return value === undefined ? undefined : vatNumberAsImported(value);
}

const REFERENCE = 'import_identifier_customer_reference';

export function customersAdvancedOperations(row: SourceRow): Array<CustomerOperation | PaymentProfileOperation> {
  if (flag(row, 'create_customer') !== true) return [];
  const reference = requiredCell(row, REFERENCE);
  const operations: Array<CustomerOperation | PaymentProfileOperation> = [customerOperation(row, reference)];
  if (flag(row, 'create_payment_profile') === true) operations.push(paymentProfileOperation(row, reference));
  return operations;
}

function customerOperation(row: SourceRow, reference: string): CustomerOperation {
  const hasParent = flag(row, 'has_parent') === true;
  const parentReference = hasParent ? cell(row, 'parent_reference') : undefined;
  if (hasParent && parentReference === undefined) throw new RowError(row, 'parent_reference', 'parent_reference is required when has_parent is TRUE');
  const parent: ObjectRef | undefined = parentReference === undefined ? undefined : { type: 'customer', key: parentReference };
  const fields = customerFieldsOf(row, reference);
  return {
    kind: 'customer',
    key: reference,
    dependsOn: parent ? [parent] : [],
    fields: parent ? { ...fields, parent } : fields,
    source: row,
    applied: appliedCells(row, (column) => !PAYMENT_PROFILE_COLUMNS.has(column)),
  };
}

/** The profile has no natural key of its own: it is keyed by its customer's reference (one profile per row). */
function paymentProfileOperation(row: SourceRow, reference: string): PaymentProfileOperation {
  const customer: ObjectRef = { type: 'customer', key: reference };
  return {
    kind: 'payment_profile',
    key: reference,
    dependsOn: [customer],
    fields: { customer, payment: paymentFieldsOf(row) },
    source: row,
    applied: appliedCells(row, (column) => column === REFERENCE || PAYMENT_PROFILE_COLUMNS.has(column)),
  };
}
