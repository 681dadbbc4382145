// Catalog rows shared by the mapping tests: one of each component type, product price points,
// coupons of both kinds and EBB segments, all in the family `acme-projects`.

export const FAMILIES = `name,description,handle
Acme Projects,Project tools,acme-projects
Unnamed Family,,`;

export const PRODUCTS = `product_name,description,product_family_id,taxable,tax_code,require_payment_method,require_billing_address,require_shipping_address,auto_create_signup_page,handle,attach_to,price_point_name,price_point_handle,price,renew_every,month_or_day,trial_price,trial_interval,trial_month_or_day,trial_type,expiration_interval,expiration_month_or_day,setup_fee_price
Basic Plan,Our basic plan,acme-projects,TRUE,digital,TRUE,FALSE,FALSE,FALSE,basic,basic,Basic monthly,basic-monthly,10.00,1,month,0,14,day,no_obligation,,,5.50
,,,,,,,,,,basic,Basic yearly,basic-yearly,100,12,month,,,,,12,month,`;

export const COMPONENTS = `component_name,component_type,description,unit_name,product_family_id,metric_id,taxable,tax_code,allow_fractional_quantities,hide_date_range_on_invoice,allow_billing_portal_updates,upgrade_charge,downgrade_credit,handle,attach_to,price_point_name,price_point_handle,pricing_scheme,per_unit_price,starting_quantity_1,ending_quantity_1,price_1,starting_quantity_2,ending_quantity_2,price_2,auto_renew_units,allow_rollover,expire_after,month_or_day,overage_pricing_scheme,overage_per_unit_price,overage_starting_quantity_1,overage_ending_quantity_1,overage_price_1
Seats,quantity_recurring,Licensed seats,seat,acme-projects,,FALSE,,FALSE,FALSE,TRUE,prorated,none,seats,seats,Seats standard,seats-std,tiered,,1,10,5.00,11,,4.50,,,,,,,,,
Setup,quantity_onetime,,setup,acme-projects,,FALSE,,FALSE,FALSE,FALSE,,,setup,setup,Setup fee,setup-fee,per_unit,99,,,,,,,,,,,,,,,
Messages,metered,,message,acme-projects,,FALSE,,FALSE,TRUE,FALSE,,,messages,messages,Messages volume,messages-vol,volume,,1,1000,0.0075,1001,,0.005,,,,,,,,,
Support,on_off,,,acme-projects,,FALSE,,FALSE,FALSE,FALSE,full,prorated,support,support,Support,support-on,,25,,,,,,,,,,,,,,,
API calls,event_based,,call,acme-projects,77,FALSE,,FALSE,FALSE,FALSE,,,api-calls,api-calls,API default,api-default,per_unit,0.01,,,,,,,,,,,,,,,
Credits,prepaid_usage,,credit,acme-projects,,FALSE,,FALSE,FALSE,FALSE,,,credits,credits,Credits,credits-std,per_unit,1.00,,,,,,,TRUE,FALSE,90,day,tiered,,1,100,1.50
,,,,,,,,,,,,,,seats,Seats discounted,seats-disc,per_unit,3.00,,,,,,,,,,,,,,`;

export const COUPONS = `name,code,description,product_family_id,percentage_discount,flat_discount,stackable,recurring,review_after_import
Ten percent,TEN%OFF,10% off,acme-projects,10,,TRUE,FALSE,
Five dollars,FIVE-OFF,,acme-projects,,5.00,FALSE,TRUE,TRUE`;

export const SEGMENTS = `component_name,metric_id,component_handle,pricepoint_handle,property_1,property_2,property_3,property_4,pricing_scheme,per_unit_price,starting_quantity_1,ending_quantity_1,price_1
API calls,77,api-calls,api-default,EU,gold,,,per_unit,0.02,,,
API calls,77,api-calls,api-default,US,,,,volume,,1,100,0.03`;

/** Every catalog row, in plan order. */
export const CATALOG: Array<[string, string]> = [
  ['product-families', FAMILIES],
  ['products', PRODUCTS],
  ['components', COMPONENTS],
  ['coupons', COUPONS],
  ['ebb-segments', SEGMENTS],
];
