// service_credit and prepayment operations → Issue Service Credit / Create Prepayment on the subscription,
// the amount in the subscription's currency. A prepayment is found again precisely: one with the amount
// and the migration memo already on the subscription means it was added. The API lists no service
// credits, so for those the subscription's credit balance is read instead: a subscription this run
// created starts at zero, so a positive balance means the credit was already added. Both `find` and a
// create whose answer was lost (409 on the retry) use these lookups.
import { balanceColumn, type BalanceFields } from '../../../plan/map/subscriptions.js';
import { fromMinorUnits } from '../../../plan/map/cells.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { linkTo } from './site.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import type { OperationHandler } from './handler.js';
import { idIfExists } from './id-if-exists.js';
import { siteId } from './lookup.js';
import { minorUnitsOf } from '../../minor-units.js';
import { subscriptionCurrency } from './subscription-outcome.js';

type BalanceOperation = Operation<BalanceFields> & { kind: 'service_credit' | 'prepayment' };

/** A balance is known by its subscription: that is what `find` can see again, and where the Result link points. */
function outcome(api: AdvancedBillingApi, operation: BalanceOperation, subscriptionId: number, amount: string): StepOutcome {
  return { id: subscriptionId, link: linkTo(api, { type: 'subscription', id: subscriptionId }), applied: { [balanceColumn(operation.kind)]: amount } };
}

/** The amount in the currency's minor unit (a row error names the balance's column when the currency cannot hold it). */
function cents(operation: BalanceOperation, currency: string): number {
  return minorUnitsOf(operation.fields.amount, currency, operation.source, balanceColumn(operation.kind));
}

/** The prepayment the operation describes, if the subscription already has it. */
async function findPrepayment(api: AdvancedBillingApi, operation: BalanceOperation, subscriptionId: number, currency: string): Promise<JsonObject | undefined> {
  const amount = cents(operation, currency);
  return (await api.listPrepayments(subscriptionId)).find((prepayment) =>
    prepayment.memo === operation.fields.memo && prepayment.amount_in_cents !== null && prepayment.amount_in_cents !== undefined && Number(prepayment.amount_in_cents) === amount);
}

/** The subscription's credit balance, when positive: the sign that the service credit was added. */
async function findServiceCredit(api: AdvancedBillingApi, subscriptionId: number, site?: JsonObject): Promise<JsonObject | undefined> {
  const subscription = site ?? (await api.readSubscription(subscriptionId));
  const credit = subscription?.credit_balance_in_cents;
  if (credit === undefined || credit === null || Number(credit) <= 0) return undefined;
  return { subscription_id: subscriptionId, credit_balance_in_cents: Number(credit) };
}

function balanceHandler(kind: BalanceOperation['kind']): OperationHandler<BalanceFields> {
  const typed = (operation: Operation<BalanceFields>): BalanceOperation => ({ ...operation, kind });
  return {
    async create(api, untyped, resolver, intent) {
      const operation = typed(untyped);
      const subscriptionId = await siteId(resolver, operation.fields.subscription);
      const currency = await subscriptionCurrency(api, subscriptionId);
      const amount = fromMinorUnits(cents(operation, currency), currency);
      if (kind === 'service_credit') await api.issueServiceCredit(subscriptionId, amount, operation.fields.memo, intent(() => findServiceCredit(api, subscriptionId)));
      else await api.createPrepayment(subscriptionId, amount, operation.fields.memo, intent(() => findPrepayment(api, operation, subscriptionId, currency)));
      return outcome(api, operation, subscriptionId, amount);
    },
    async find(api, untyped, resolver) {
      const operation = typed(untyped);
      const subscriptionId = await idIfExists(resolver, operation.fields.subscription);
      if (subscriptionId === undefined) return undefined;
      const site = await api.readSubscription(subscriptionId);
      if (site === undefined) return undefined;
      const currency = await subscriptionCurrency(api, subscriptionId, site);
      if (kind === 'prepayment') {
        const prepayment = await findPrepayment(api, operation, subscriptionId, currency);
        return prepayment ? outcome(api, operation, subscriptionId, fromMinorUnits(Number(prepayment.amount_in_cents), currency)) : undefined;
      }
      const credit = await findServiceCredit(api, subscriptionId, site);
      return credit ? outcome(api, operation, subscriptionId, fromMinorUnits(Number(credit.credit_balance_in_cents), currency)) : undefined;
    },
  };
}

export const serviceCreditHandler = balanceHandler('service_credit');
export const prepaymentHandler = balanceHandler('prepayment');
