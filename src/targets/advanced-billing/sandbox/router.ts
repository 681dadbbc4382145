// Matches a request's method and path to a handler. Patterns read like the spec's paths with `:name`
// placeholders ('/customers/:id.json'); routes are tried in the order added, so literal paths
// ('/customers/lookup.json') go before placeholders.
import { SandboxError, type Handler } from './context.js';
import { messages } from './messages.js';

interface Route<H> {
  method: string;
  /** The pattern with every placeholder written `{}`: what a spec path template reduces to as well. */
  shape: string;
  regex: RegExp;
  names: string[];
  handler: H;
}

export interface RouteMatch<H = Handler> {
  handler: H;
  params: Record<string, string>;
  /** The route's path shape ('/products/{}/price_points.json'), to find its spec operation. */
  shape: string;
}

/** A path template reduced to its shape: spec `{product_id}` and router `:product` both become `{}`. */
export function pathShape(template: string): string {
  return template.replace(/\{[^}]+\}|:[a-z_]+/g, '{}');
}

/** Generic in its handler type: the ChartMogul emulator routes its own handlers with it. */
export class Router<H = Handler> {
  private readonly routes: Array<Route<H>> = [];

  add(method: string, pattern: string, handler: H): this {
    const names: string[] = [];
    const source = pattern
      .split(/(:[a-z_]+)/)
      .map((piece) => {
        if (piece.startsWith(':')) {
          names.push(piece.slice(1));
          return '([^/]+?)';
        }
        return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    this.routes.push({ method, shape: pathShape(pattern), regex: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** Every route as METHOD and path shape, in the order added (the request-fields generator reads them). */
  list(): Array<{ method: string; shape: string }> {
    return this.routes.map(({ method, shape }) => ({ method, shape }));
  }

  /** The route for a method and path; throws a 400 SandboxError when a parameter's encoding is no UTF-8 text. */
  match(method: string, path: string): RouteMatch<H> | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodePathParameter(found[index + 1] ?? '');
      });
      return { handler: route.handler, params, shape: route.shape };
    }
    return undefined;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A path parameter with its percent-escapes decoded as a Rails site does: `%` not followed by two hex
 * digits stays as written (`%ZZ` is looked up as is, and not found), and bytes that are no UTF-8 text
 * (`%FF`) are a 400, not an exception.
 */
function decodePathParameter(raw: string): string {
  if (!raw.includes('%')) return raw;
  const bytes: number[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const escape = raw.charCodeAt(index) === 0x25 ? raw.slice(index + 1, index + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(escape)) {
      bytes.push(Number.parseInt(escape, 16));
      index += 2;
    } else bytes.push(...Buffer.from(raw[index] ?? '', 'utf8'));
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes));
  } catch {
    throw new SandboxError(400, [messages.badPathEncoding]);
  }
}
