// Template files for the import end-to-end tests: a product family, a product with its price point,
// and N standard subscription rows (each a customer and a subscription), valid as of AS_OF.
import { stringify } from 'csv-stringify/sync';
import { TEST_TODAY, testDate } from '../helpers/clock.js';

export const AS_OF = TEST_TODAY;
export const NEXT_BILLING_AT = testDate(22);

const SUBSCRIPTION_HEADER =
  'Status,Result,ChargifyNextRenewal,YourExpectedRenewal,create_subscription,organization_name,customer_reference,first_name,last_name,email,cc_emails,phone,shipping_address,shipping_address_2,shipping_city,shipping_state,shipping_zip,shipping_country,tax_exempt,vat_number,verified,locale,create_payment_profile,payment_profile_type,current_vault,gateway_handle,vault_token,customer_vault_token,credit_card_first_name,credit_card_last_name,last_four,card_type,exp_month,exp_year,bank_account_first_name,bank_account_last_name,bank_name,bank_account_last_four,bank_routing_last_four,billing_address,billing_address_2,billing_city,billing_state,billing_country,billing_zip,currency,payment_collection_method,previous_billing_at,next_billing_at,net_terms,service_credit_balance,prepayment_balance,product_handle,product_price_point_handle,coupon_code_1,component_1,componentPricepoint_1,componentQuantity_1'.split(',');

function csv(header: string[], rows: Array<Record<string, string>>): string {
  return stringify([header, ...rows.map((row) => header.map((column) => row[column] ?? ''))]);
}

export function catalogFiles(): Record<string, string> {
  return {
    'data/product-families.csv': 'Status,Result,name,description,handle\n,,Main,Main family,main\n',
    'data/products.csv':
      'Status,Result,product_name,description,product_family_id,taxable,tax_code,require_payment_method,require_billing_address,require_shipping_address,auto_create_signup_page,handle,attach_to,price_point_name,price_point_handle,price,renew_every,month_or_day,trial_price,trial_interval,trial_month_or_day,trial_type,expiration_interval,expiration_month_or_day,setup_fee_price\n' +
      ',,Basic,Basic plan,main,FALSE,,FALSE,FALSE,FALSE,FALSE,basic,basic,Monthly,monthly,49.00,1,month,,,,,,,\n',
  };
}

/**
 * N valid subscription rows (those in badEmailRows get a bad email), renewing on `nextBillingAt`; `extra`
 * cells (e.g. a service_credit_balance) go on every row.
 */
export function subscriptionsCsv(count: number, badEmailRows: number[] = [], nextBillingAt = NEXT_BILLING_AT, extra: Record<string, string> = {}): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(4, '0');
    return {
      YourExpectedRenewal: '49.00',
      create_subscription: 'TRUE',
      organization_name: `Org ${n}`,
      customer_reference: `cust-${n}`,
      first_name: 'Ann',
      last_name: `Lee${n}`,
      email: badEmailRows.includes(index + 2) ? `ann${n}@example` : `ann${n}@example.com`,
      tax_exempt: 'FALSE',
      create_payment_profile: 'FALSE',
      currency: 'USD',
      payment_collection_method: 'remittance',
      next_billing_at: nextBillingAt,
      product_handle: 'basic',
      ...extra,
    };
  });
  return csv(SUBSCRIPTION_HEADER, rows);
}
