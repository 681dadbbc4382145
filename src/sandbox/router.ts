// Matches a request's method and path to a handler. Patterns read like the spec's paths with `:name`
// placeholders ('/customers/:id.json'); routes are tried in the order added, so literal paths
// ('/customers/lookup.json') go before placeholders.
import type { Handler } from './context.js';

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
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
    this.routes.push({ method, regex: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { handler: route.handler, params };
    }
    return undefined;
  }
}
