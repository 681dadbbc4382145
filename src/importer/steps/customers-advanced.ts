// Create Customers (advanced) rows → a customer (parent_id from parent_reference, so hierarchy
// levels follow from the dependencies) and, with create_payment_profile TRUE, its payment profile.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, ObjectRef, SourceRow } from '../types.js';
import { cell, flag, requiredCell } from '../../plan/map/cells.js';
import { CREATE_CUSTOMER_LACKS, customerAttributes, PAYMENT_PROFILE_COLUMNS, paymentProfileFields, splitAttributes } from './customer-fields.js';
import { applyCustomFields, customFieldsOf } from './metadata.js';
import { RowError } from '../../plan/row-error.js';
import { matchingProfile } from './payment-profile-match.js';
import { linkTo, siteInfo } from './site.js';
import { idIfExists } from './subscription-common.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, objectId } from './step.js';

const REFERENCE = 'import_identifier_customer_reference';

export function customerAdvancedSteps(row: SourceRow): ImportStep[] {
  if (flag(row, 'create_customer') !== true) return [];
  const reference = requiredCell(row, REFERENCE);
  const steps = [customerStep(row, reference)];
  if (flag(row, 'create_payment_profile') === true) steps.push(paymentProfileStep(row, reference));
  return steps;
}

function customerStep(row: SourceRow, reference: string): ImportStep {
  const parentReference = flag(row, 'has_parent') === true ? cell(row, 'parent_reference') : undefined;
  if (flag(row, 'has_parent') === true && parentReference === undefined) {
    throw new RowError(row, 'parent_reference', 'parent_reference is required when has_parent is TRUE');
  }
  const parent: ObjectRef | undefined = parentReference === undefined ? undefined : { type: 'customer', key: parentReference };
  // verified is not in Create-Customer: Update-Customer sets it right after the create.
  const attrs = splitAttributes(customerAttributes(row, reference), CREATE_CUSTOMER_LACKS);
  const fields = customFieldsOf(row, 'customers');
  const applied = appliedCells(row, (column) => !PAYMENT_PROFILE_COLUMNS.has(column));
  const outcome = (customer: JsonObject, target: Target) => ({ id: objectId(customer), link: linkTo(target, { type: 'customer', id: objectId(customer) }), applied });
  return defineStep({
    type: 'customer',
    key: reference,
    source: row,
    dependsOn: parent ? [parent] : [],
    async create(target, resolver, intent) {
      const parentId = parent ? await resolver.id(parent) : undefined;
      const customer = await target.createCustomer(
        parentId === undefined ? attrs.now : { ...attrs.now, parent_id: parentId },
        intent(() => target.findCustomerByReference(reference)),
      );
      return outcome(customer, target);
    },
    async finish(target, _resolver, { id }) {
      if (Object.keys(attrs.later).length > 0) await target.updateCustomer(Number(id), attrs.later);
      await applyCustomFields(target, 'customers', Number(id), fields);
    },
    async find(target) {
      const customer = await target.findCustomerByReference(reference);
      return customer ? outcome(customer, target) : undefined;
    },
  });
}

/**
 * The payment profile has no natural key, so `find` lists the customer's profiles and takes the one the
 * row describes (see payment-profile-match.ts): a re-run after the uniqueness token's hour, or with a
 * lost journal, sees it instead of adding a second card.
 */
function paymentProfileStep(row: SourceRow, reference: string): ImportStep {
  const customer: ObjectRef = { type: 'customer', key: reference };
  // Checked now so a row with unusable profile columns fails before anything is sent.
  paymentProfileFields(row, { mode: 'test' });
  const applied = appliedCells(row, (column) => column === REFERENCE || PAYMENT_PROFILE_COLUMNS.has(column));
  const outcome = (profile: JsonObject, customerId: number, target: Target) => ({ id: objectId(profile), link: linkTo(target, { type: 'customer', id: customerId }), applied });
  const findProfile = async (target: Target, customerId: number): Promise<JsonObject | undefined> => {
    const fields = paymentProfileFields(row, await siteInfo(target));
    return matchingProfile(await target.listPaymentProfiles(customerId), fields.attrs);
  };
  return defineStep({
    type: 'payment_profile',
    key: reference,
    source: row,
    dependsOn: [customer],
    async create(target, resolver, intent) {
      const fields = paymentProfileFields(row, await siteInfo(target));
      const customerId = await resolver.id(customer);
      const profile = await target.createPaymentProfile({ ...fields.attrs, customer_id: customerId }, intent(() => findProfile(target, customerId)));
      return outcome(profile, customerId, target);
    },
    async find(target, resolver) {
      const customerId = await idIfExists(resolver, customer);
      if (customerId === undefined) return undefined;
      const profile = await findProfile(target, customerId);
      return profile ? outcome(profile, customerId, target) : undefined;
    },
  });
}
