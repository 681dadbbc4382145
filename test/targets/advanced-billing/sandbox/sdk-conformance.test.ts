// Conformance with the vendor's own SDK (@maxio-com/advanced-billing-sdk), pointed at the sandbox over
// TLS (sdk-client.ts): one whole flow (a catalog with a tiered and a per-unit component and a coupon, a
// customer under a parent, a subscription with components and the coupon, renewal previews, filtered and
// paged lists, an update, a purge), the lists of payment profiles and prepayments, and the errors. The
// SDK parses every response against its own models, so a shape the real API would not send fails here.
import {
  AllVaults,
  CardType,
  ComponentsController,
  CouponsController,
  CreatePrepaymentMethod,
  CustomersController,
  IntervalUnit,
  PaymentProfilesController,
  PricingScheme,
  ProductFamiliesController,
  ProductPricePointsController,
  ProductsController,
  SubscriptionInvoiceAccountController,
  SubscriptionPurgeType,
  SubscriptionsController,
  SubscriptionStateFilter,
  SubscriptionStatusController,
} from '@maxio-com/advanced-billing-sdk';
import { describe, expect, it } from 'vitest';
import { sandboxForSdk, sdkClient } from './sdk-client.js';

const site = sandboxForSdk('sdk-key');

describe('the vendor SDK against the sandbox', () => {
  it('builds a catalog, subscribes a child customer with components and a coupon, previews, lists, updates and purges', async () => {
    const family = (await new ProductFamiliesController(site.client).createProductFamily({ productFamily: { name: 'Flow family', handle: 'flow-family' } })).result.productFamily;
    const familyId = String(family?.id);

    const products = new ProductsController(site.client);
    const product = (
      await products.createProduct(familyId, {
        product: { name: 'Flow plan', handle: 'flow-plan', description: 'Plan', priceInCents: BigInt(10000), interval: 1, intervalUnit: IntervalUnit.Month },
      })
    ).result.product;
    expect((await products.readProduct(product.id as number)).result.product.priceInCents).toBe(BigInt(10000));
    const pricePoint = (
      await new ProductPricePointsController(site.client).createProductPricePoint(product.id as number, {
        pricePoint: { name: 'Annual', handle: 'annual', priceInCents: BigInt(100000), interval: 12, intervalUnit: IntervalUnit.Month },
      })
    ).result.pricePoint;
    expect(pricePoint.handle).toBe('annual');
    const other = (
      await products.createProduct(familyId, {
        product: { name: 'Flow other', handle: 'flow-other', description: 'Other', priceInCents: BigInt(2000), interval: 1, intervalUnit: IntervalUnit.Month },
      })
    ).result.product;

    const components = new ComponentsController(site.client);
    const tiered = (
      await components.createQuantityBasedComponent(familyId, {
        quantityBasedComponent: {
          name: 'Seats',
          handle: 'flow-seats',
          unitName: 'seat',
          pricingScheme: PricingScheme.Tiered,
          prices: [
            { startingQuantity: 1, endingQuantity: 10, unitPrice: '5.00' },
            { startingQuantity: 11, unitPrice: '3.00' },
          ],
        },
      })
    ).result.component;
    const perUnit = (
      await components.createMeteredComponent(familyId, {
        meteredComponent: { name: 'Calls', handle: 'flow-calls', unitName: 'call', pricingScheme: PricingScheme.PerUnit, prices: [{ startingQuantity: 1, unitPrice: '0.10' }] },
      })
    ).result.component;
    expect([tiered.pricingScheme, perUnit.pricingScheme]).toEqual([PricingScheme.Tiered, PricingScheme.PerUnit]);

    const coupons = new CouponsController(site.client);
    const coupon = (await coupons.createCoupon(Number(familyId), { coupon: { name: 'Flow ten', code: 'FLOWTEN', percentage: '10', stackable: true } })).result.coupon;

    const customers = new CustomersController(site.client);
    const parent = (await customers.createCustomer({ customer: { firstName: 'Pat', lastName: 'Parent', email: 'pat@example.com', reference: 'flow-parent' } })).result.customer;
    const child = (
      await customers.createCustomer({ customer: { firstName: 'Chris', lastName: 'Child', email: 'chris@example.com', reference: 'flow-child', parentId: parent.id } })
    ).result.customer;
    expect(child.parentId).toBe(parent.id);

    const subscriptions = new SubscriptionsController(site.client);
    const subscription = (
      await subscriptions.createSubscription({
        subscription: {
          productHandle: 'flow-plan',
          customerId: child.id as number,
          components: [
            { componentId: tiered.id as number, allocatedQuantity: 12 },
            { componentId: perUnit.id as number, unitBalance: 50 },
          ],
          couponCode: 'FLOWTEN',
          reference: 'flow-sub',
        },
      })
    ).result.subscription;
    const subscriptionId = subscription?.id as number;
    expect(subscription?.couponCodes).toEqual(['FLOWTEN']);
    expect((await subscriptions.readSubscription(subscriptionId)).result.subscription?.customer?.parentId).toBe(parent.id);
    // A second subscription, on the other product and without the coupon, for the filters to leave out.
    await subscriptions.createSubscription({ subscription: { productHandle: 'flow-other', customerId: parent.id as number, reference: 'flow-other-sub' } });

    const status = new SubscriptionStatusController(site.client);
    // 100.00 + seats (10 × 5.00 + 2 × 3.00) + calls (50 × 0.10) = 161.00, less 10% = 144.90
    const preview = (await status.previewRenewal(subscriptionId)).result.renewalPreview;
    expect([preview?.subtotalInCents, preview?.totalDiscountInCents, preview?.totalInCents]).toEqual([BigInt(16100), BigInt(1610), BigInt(14490)]);
    expect(preview?.uncalculatedTaxes).toBe(true);
    // The request's quantities replace the subscription's: 100.00 + 3 × 5.00 = 115.00, less 10% = 103.50
    const asked = (await status.previewRenewal(subscriptionId, { components: [{ componentId: tiered.id as number, quantity: 3 }] })).result.renewalPreview;
    expect(asked?.totalInCents).toBe(BigInt(10350));

    // Filtered lists: by product, by coupon, by state; paged: one per page.
    const byProduct = (await subscriptions.listSubscriptions({ product: product.id as number })).result;
    expect(byProduct.map((entry) => entry.subscription?.reference)).toEqual(['flow-sub']);
    const byCoupon = (await subscriptions.listSubscriptions({ coupon: coupon?.id as number })).result;
    expect(byCoupon.map((entry) => entry.subscription?.reference)).toEqual(['flow-sub']);
    expect((await subscriptions.listSubscriptions({ state: SubscriptionStateFilter.Active })).result).toHaveLength(2);
    const first = (await customers.listCustomers({ page: 1, perPage: 1 })).result;
    const second = (await customers.listCustomers({ page: 2, perPage: 1 })).result;
    expect([first, second].map((page) => page.map((entry) => entry.customer.reference))).toEqual([['flow-parent'], ['flow-child']]);
    expect((await customers.listCustomers({ q: 'flow-child' })).result.map((entry) => entry.customer.id)).toEqual([child.id]);
    expect((await products.listProducts({ page: 1, perPage: 1 })).result.map((entry) => entry.product.handle)).toEqual(['flow-plan']);
    expect(other.handle).toBe('flow-other');

    // An update: the subscription's reference and net terms, the customer's email.
    const updated = (await subscriptions.updateSubscription(subscriptionId, { subscription: { reference: 'flow-sub-renamed', netTerms: 15 } })).result.subscription;
    expect([updated?.reference, updated?.netTerms]).toEqual(['flow-sub-renamed', 15]);
    const renamed = (await customers.updateCustomer(child.id as number, { customer: { email: 'chris.child@example.com' } })).result.customer;
    expect(renamed.email).toBe('chris.child@example.com');

    // A purge takes the subscription and, cascaded, its customer.
    await subscriptions.purgeSubscription(subscriptionId, child.id as number, [SubscriptionPurgeType.Customer]);
    await expect(subscriptions.readSubscription(subscriptionId)).rejects.toMatchObject({ statusCode: 404 });
    await expect(customers.readCustomer(child.id as number)).rejects.toMatchObject({ statusCode: 404 });
    expect((await customers.readCustomer(parent.id as number)).result.customer.reference).toBe('flow-parent');
  });
  it('lists a customer’s payment profiles and a subscription’s prepayments in the shapes the SDK parses', async () => {
    const customer = (await new CustomersController(site.client).createCustomer({ customer: { firstName: 'Ada', lastName: 'Byron', email: 'ada@example.com', reference: 'sdk-lists' } })).result.customer;
    const customerId = customer.id as number;
    const profiles = new PaymentProfilesController(site.client);
    await profiles.createPaymentProfile({
      paymentProfile: { customerId, vaultToken: 'tok_sdk_card_5678', currentVault: AllVaults.Bogus, lastFour: '4242', cardType: CardType.Visa, expirationMonth: 4, expirationYear: 2032 },
    });
    const listed = (await profiles.listPaymentProfiles({ customerId })).result;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.paymentProfile).toMatchObject({ customerId, maskedCardNumber: 'XXXX-XXXX-XXXX-4242' });

    const subscription = (await new SubscriptionsController(site.client).createSubscription({ subscription: { productHandle: 'flow-plan', customerId, reference: 'sdk-lists-sub' } })).result.subscription;
    const account = new SubscriptionInvoiceAccountController(site.client);
    await account.createPrepayment(subscription?.id as number, { prepayment: { amount: 12.5, details: 'Migrated', memo: 'Opening balance', method: CreatePrepaymentMethod.Other } });
    const prepayments = (await account.listPrepayments({ subscriptionId: subscription?.id as number })).result.prepayments;
    expect(prepayments?.map((prepayment) => [prepayment.amountInCents, prepayment.remainingAmountInCents, prepayment.memo])).toEqual([[BigInt(1250), BigInt(1250), 'Opening balance']]);
  });

  it("reads a subscription on the flow's annual price point with its nested product priced annually", async () => {
    const customer = (await new CustomersController(site.client).createCustomer({ customer: { firstName: 'Ann', lastName: 'Yearly', email: 'ann@example.com', reference: 'sdk-annual' } })).result.customer;
    const subscriptions = new SubscriptionsController(site.client);
    const created = (await subscriptions.createSubscription({ subscription: { productHandle: 'flow-plan', productPricePointHandle: 'annual', customerId: customer.id as number } })).result.subscription;
    const product = (await subscriptions.readSubscription(created?.id as number)).result.subscription?.product;
    expect([product?.handle, product?.priceInCents, product?.interval, product?.intervalUnit, product?.productPricePointHandle]).toEqual(['flow-plan', BigInt(100000), 12, IntervalUnit.Month, 'annual']);
  });

  it('sees the API errors the SDK knows: 422 with messages, 401 with a wrong key', async () => {
    const customers = new CustomersController(site.client);
    await expect(customers.createCustomer({ customer: { firstName: '', lastName: 'x', email: 'x@example.com' } })).rejects.toMatchObject({ statusCode: 422 });
    const wrong = sdkClient(site.sandbox.port, 'wrong');
    await expect(new CustomersController(wrong).listCustomers({})).rejects.toMatchObject({ statusCode: 401 });
  });
});
