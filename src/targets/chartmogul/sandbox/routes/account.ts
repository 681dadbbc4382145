// GET /v1/ping and GET /v1/account: the calls a client makes to check its key and the account it reaches.
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { CmHandler } from '../context.js';

export function registerAccountRoutes(router: Router<CmHandler>): void {
  router.add('GET', '/v1/ping', () => ({ status: 200, body: { data: 'pong!' } }));
  router.add('GET', '/v1/account', ({ account }) => ({
    status: 200,
    body: { name: account.name, currency: account.currency, time_zone: account.timeZone, week_start_on: 'sunday' },
  }));
}
