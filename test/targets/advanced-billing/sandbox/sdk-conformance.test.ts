// Conformance with the vendor's own SDK (@maxio-com/advanced-billing-sdk): its base URL is fixed to
// https://SITE.chargify.com, so an https.Agent whose createConnection opens TLS to the sandbox (serving a
// test certificate for *.chargify.com) points it at the sandbox unchanged. The SDK parses every
// response against its own models, so a shape the real API would not send fails here.
import { readFileSync } from 'node:fs';
import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import {
  AllVaults,
  CardType,
  Client,
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
  SubscriptionsController,
  SubscriptionStatusController,
} from '@maxio-com/advanced-billing-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';

const cert = readFileSync(new URL('../../../fixtures/tls/cert.pem', import.meta.url));
const key = readFileSync(new URL('../../../fixtures/tls/key.pem', import.meta.url));

/** Sends every https connection to the sandbox's port, verifying its certificate as *.chargify.com. */
class SandboxAgent extends Agent {
  constructor(
    private readonly port: number,
    options: AgentOptions = {},
  ) {
    super({ ...options, keepAlive: true });
  }

  override createConnection(options: ConnectionOptions, callback?: (error: Error | null, socket: Duplex) => void): Duplex {
    const socket = connect({ ...options, host: '127.0.0.1', port: this.port, servername: options.servername ?? 'acme.chargify.com', ca: cert });
    if (callback) socket.once('secureConnect', () => callback(null, socket));
    return socket;
  }
}

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ tls: { key, cert }, apiKey: 'sdk-key', subdomain: 'acme' });
  client = new Client({
    site: 'acme',
    basicAuthCredentials: { username: 'sdk-key', password: 'x' },
    timeout: 10_000,
    httpClientOptions: { httpsAgent: new SandboxAgent(sandbox.port) },
  });
});
afterAll(() => sandbox.close());

describe('the vendor SDK against the sandbox', () => {
  it('creates a family, product, price point, component, coupon, customer and subscription, reads them back and previews a renewal', async () => {
    const families = new ProductFamiliesController(client);
    const family = (await families.createProductFamily({ productFamily: { name: 'SDK family', handle: 'sdk-family' } })).result.productFamily;
    expect(family?.handle).toBe('sdk-family');
    const familyId = String(family?.id);

    const products = new ProductsController(client);
    const product = (
      await products.createProduct(familyId, {
        product: { name: 'SDK plan', handle: 'sdk-plan', description: 'Plan', priceInCents: BigInt(4900), interval: 1, intervalUnit: IntervalUnit.Month },
      })
    ).result.product;
    expect(product.priceInCents).toBe(BigInt(4900));
    expect((await products.readProduct(product.id as number)).result.product.handle).toBe('sdk-plan');

    const pricePoints = new ProductPricePointsController(client);
    const pricePoint = (
      await pricePoints.createProductPricePoint(product.id as number, {
        pricePoint: { name: 'Annual', handle: 'annual', priceInCents: BigInt(49000), interval: 12, intervalUnit: IntervalUnit.Month },
      })
    ).result.pricePoint;
    expect(pricePoint.handle).toBe('annual');

    const components = new ComponentsController(client);
    const component = (
      await components.createQuantityBasedComponent(familyId, {
        quantityBasedComponent: {
          name: 'Seats',
          handle: 'sdk-seats',
          unitName: 'seat',
          pricingScheme: PricingScheme.Tiered,
          prices: [
            { startingQuantity: 1, endingQuantity: 5, unitPrice: '3.00' },
            { startingQuantity: 6, unitPrice: '2.00' },
          ],
        },
      })
    ).result.component;
    expect(component.handle).toBe('sdk-seats');

    const coupons = new CouponsController(client);
    const coupon = (await coupons.createCoupon(Number(familyId), { coupon: { name: 'SDK ten', code: 'SDKTEN', percentage: '10', stackable: true } })).result.coupon;
    expect(coupon?.code).toBe('SDKTEN');

    const customers = new CustomersController(client);
    const customer = (await customers.createCustomer({ customer: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', reference: 'sdk-1' } })).result.customer;
    expect((await customers.readCustomer(customer.id as number)).result.customer.reference).toBe('sdk-1');

    const subscriptions = new SubscriptionsController(client);
    const subscription = (
      await subscriptions.createSubscription({
        subscription: {
          productHandle: 'sdk-plan',
          customerId: customer.id as number,
          components: [{ componentId: component.id as number, allocatedQuantity: 7 }],
          couponCodes: ['SDKTEN'],
          reference: 'sdk-sub-1',
        },
      })
    ).result.subscription;
    expect(subscription?.reference).toBe('sdk-sub-1');
    const read = (await subscriptions.readSubscription(subscription?.id as number)).result.subscription;
    expect(read?.customer?.id).toBe(customer.id);

    const status = new SubscriptionStatusController(client);
    const preview = (await status.previewRenewal(subscription?.id as number)).result.renewalPreview;
    // 49.00 + (5 × 3.00 + 2 × 2.00) = 68.00, less 10% = 61.20
    expect(preview?.subtotalInCents).toBe(BigInt(6800));
    expect(preview?.totalInCents).toBe(BigInt(6120));
    expect(preview?.uncalculatedTaxes).toBe(true);
  });

  it('lists a customer’s payment profiles and a subscription’s prepayments in the shapes the SDK parses', async () => {
    const customer = (await new CustomersController(client).createCustomer({ customer: { firstName: 'Ada', lastName: 'Byron', email: 'ada@example.com', reference: 'sdk-lists' } })).result.customer;
    const customerId = customer.id as number;
    const profiles = new PaymentProfilesController(client);
    await profiles.createPaymentProfile({
      paymentProfile: { customerId, vaultToken: 'tok_sdk_card_5678', currentVault: AllVaults.Bogus, lastFour: '4242', cardType: CardType.Visa, expirationMonth: 4, expirationYear: 2032 },
    });
    const listed = (await profiles.listPaymentProfiles({ customerId })).result;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.paymentProfile).toMatchObject({ customerId, maskedCardNumber: 'XXXX-XXXX-XXXX-4242' });

    const subscription = (await new SubscriptionsController(client).createSubscription({ subscription: { productHandle: 'sdk-plan', customerId, reference: 'sdk-lists-sub' } })).result.subscription;
    const account = new SubscriptionInvoiceAccountController(client);
    await account.createPrepayment(subscription?.id as number, { prepayment: { amount: 12.5, details: 'Migrated', memo: 'Opening balance', method: CreatePrepaymentMethod.Other } });
    const prepayments = (await account.listPrepayments({ subscriptionId: subscription?.id as number })).result.prepayments;
    expect(prepayments?.map((prepayment) => [prepayment.amountInCents, prepayment.remainingAmountInCents, prepayment.memo])).toEqual([[BigInt(1250), BigInt(1250), 'Opening balance']]);
  });

  it('sees the API errors the SDK knows: 422 with messages, 401 with a wrong key', async () => {
    const customers = new CustomersController(client);
    await expect(customers.createCustomer({ customer: { firstName: '', lastName: 'x', email: 'x@example.com' } })).rejects.toMatchObject({ statusCode: 422 });
    const wrong = new Client({
      site: 'acme',
      basicAuthCredentials: { username: 'wrong', password: 'x' },
      httpClientOptions: { httpsAgent: new SandboxAgent(sandbox.port) },
    });
    await expect(new CustomersController(wrong).listCustomers({})).rejects.toMatchObject({ statusCode: 401 });
  });
});
