// What the import benchmarks share: the standard subscriptions template's header, a products file with
// one monthly price point (pro, 99.00), the rows of a generated subscriptions file, and a site emulator
// started in its own process (sharing the importer's event loop would charge the site's work to it).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'csv-stringify/sync';

export const SUBSCRIPTION_HEADER =
  'Status,Result,ChargifyNextRenewal,YourExpectedRenewal,create_subscription,organization_name,customer_reference,first_name,last_name,email,cc_emails,phone,shipping_address,shipping_address_2,shipping_city,shipping_state,shipping_zip,shipping_country,tax_exempt,vat_number,verified,locale,create_payment_profile,payment_profile_type,current_vault,gateway_handle,vault_token,customer_vault_token,credit_card_first_name,credit_card_last_name,last_four,card_type,exp_month,exp_year,bank_account_first_name,bank_account_last_name,bank_name,bank_account_last_four,bank_routing_last_four,billing_address,billing_address_2,billing_city,billing_state,billing_country,billing_zip,currency,payment_collection_method,previous_billing_at,next_billing_at,net_terms,service_credit_balance,prepayment_balance,product_handle,product_price_point_handle,coupon_code_1,component_1,componentPricepoint_1,componentQuantity_1'.split(',');

/** products.csv: the Pro plan of family `cloud`, its monthly price point at 99.00. */
export const PRO_PRODUCTS_CSV =
  'Status,Result,product_name,description,product_family_id,taxable,tax_code,require_payment_method,require_billing_address,require_shipping_address,auto_create_signup_page,handle,attach_to,price_point_name,price_point_handle,price,renew_every,month_or_day,trial_price,trial_interval,trial_month_or_day,trial_type,expiration_interval,expiration_month_or_day,setup_fee_price\n' +
  ',,Pro Plan,Pro,cloud,FALSE,,FALSE,FALSE,FALSE,FALSE,pro,pro,Pro Monthly,pro-monthly,99.00,1,month,,,,,,,\n';

/** The cells every generated row has: customer N on the Pro plan, renewing 2027-01-10 in USD. */
export function benchRow(n: string): Record<string, string> {
  return {
    create_subscription: 'TRUE',
    organization_name: `Org ${n}`,
    customer_reference: `bench-${n}`,
    first_name: 'Ada',
    last_name: `Lovelace ${n}`,
    email: `ada.${n}@example.com`,
    currency: 'USD',
    next_billing_at: '2027-01-10',
    product_handle: 'pro',
  };
}

/** Writes subscriptions-standard.csv with `rows` rows, row N's cells given by `cellsOf(N)` (1-based, zero-padded to 5); answers its path. */
export async function writeSubscriptions(dir: string, rows: number, cellsOf: (n: string, index: number) => Record<string, string>): Promise<string> {
  const records = Array.from({ length: rows }, (_, index) => {
    const cells = cellsOf(String(index + 1).padStart(5, '0'), index);
    return SUBSCRIPTION_HEADER.map((column) => cells[column] ?? '');
  });
  const path = join(dir, 'subscriptions-standard.csv');
  await writeFile(path, stringify([SUBSCRIPTION_HEADER, ...records]));
  return path;
}

/** Runs `start` (an expression over the imported module `m` answering a server with a baseUrl) in a child process; answers its address. */
export async function startServerProcess(modulePath: string, start: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const module = new URL(modulePath, import.meta.url).href;
  const script = `const m = await import(${JSON.stringify(module)});
const server = await ${start};
process.stdout.write(server.baseUrl + '\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (text) => resolve([text]));
  });
  return { baseUrl: line!.trim(), child };
}
