// Pages behind the links the importer writes into result files (`<base>/subscriptions/123`, as on a real
// site, without `.json`): a small HTML page showing the object, so a clicked link works.
import { SandboxError, reply } from '../context.js';
import { publicView } from '../fields.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { CollectionName, StoredRecord } from '../store.js';

const PAGES: Array<[string, CollectionName, string]> = [
  ['subscriptions', 'subscriptions', 'Subscription'],
  ['customers', 'customers', 'Customer'],
  ['products', 'products', 'Product'],
  ['product_families', 'product_families', 'Product family'],
  ['components', 'components', 'Component'],
  ['coupons', 'coupons', 'Coupon'],
  ['invoices', 'invoices', 'Invoice'],
];

/** The body of a link page; the server sends strings with a text/html content type. */
export class HtmlPage {
  constructor(readonly html: string) {}
}

export function registerLinkPages(router: Router): void {
  for (const [segment, collection, title] of PAGES) {
    router.add('GET', `/${segment}/:key`, ({ store, params }) => {
      const key = params.key ?? '';
      // A link page has no extension: `/coupons/validate.json` is an API path no route serves, not a coupon.
      if (key.endsWith('.json')) throw new SandboxError(501, [messages.notImplementedPath(`GET /${segment}/${key.slice(0, 100)}`)]);
      const record: StoredRecord | undefined =
        collection === 'invoices' ? store.findBy('invoices', 'uid', key) : /^\d+$/.test(key) ? store.get(collection, Number(key)) : undefined;
      if (!record) throw new SandboxError(404, [messages.recordNotFound(title)]);
      const json = JSON.stringify(publicView(record), null, 2);
      return reply(
        200,
        new HtmlPage(
          `<!doctype html><html><head><meta charset="utf-8"><title>${title} ${escapeHtml(key)} — migrate sandbox</title></head>` +
            `<body><h1>${title} ${escapeHtml(key)}</h1><pre>${escapeHtml(json)}</pre></body></html>`,
        ),
      );
    });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
