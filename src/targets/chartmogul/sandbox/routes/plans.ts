// Plans: create (in a data source, external_id unique there), list (by data_source_uuid / external_id,
// cursor pagination), read, update (answered 202, as recorded), delete.
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { StoredRecord } from '../../../advanced-billing/sandbox/store.js';
import { CmError, type CmContext, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { paginate } from '../pagination.js';
import { byUuid, listed, newUuid, text } from '../records.js';

const UNITS = new Set(['day', 'month', 'year']);

function planNotFound(): CmError {
  return new CmError(404, { error: cmMessages.planNotFound });
}

function findPlan(context: CmContext): StoredRecord {
  return byUuid(context.store, 'plans', context.params.uuid ?? '', planNotFound);
}

export function registerPlanRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/plans', (context) => {
    const { store, body } = context;
    const dataSourceUuid = text(body, 'data_source_uuid');
    if (dataSourceUuid === undefined || store.findBy('data_sources', 'uuid', dataSourceUuid) === undefined) {
      throw new CmError(422, { errors: { data_source_uuid: cmMessages.dataSourceNotFound } });
    }
    const uuid = newUuid('pl');
    const externalId = text(body, 'external_id') ?? uuid.slice(3);
    if (store.allBy('plans', 'external_id', externalId).some((plan) => plan.data_source_uuid === dataSourceUuid)) {
      throw new CmError(422, { errors: { external_id: cmMessages.planExternalIdTaken } });
    }
    const record: StoredRecord = { id: store.nextId('plans'), uuid, external_id: externalId, data_source_uuid: dataSourceUuid, name: '', interval_count: 1, interval_unit: 'month' };
    applyPlanFields(record, body);
    if (record.name === '') throw new CmError(422, { errors: { name: cmMessages.required('name') } });
    store.put('plans', record);
    return { status: 201, body: planJson(record) };
  });

  router.add('GET', '/v1/plans', (context) => {
    const dataSource = context.query.get('data_source_uuid');
    const externalId = context.query.get('external_id');
    const plans = listed(
      context.store,
      'plans',
      (plan) => (dataSource === null || plan.data_source_uuid === dataSource) && (externalId === null || plan.external_id === externalId),
    );
    const page = paginate(plans, context.query);
    return { status: 200, body: { plans: page.items.map(planJson), ...page.fields } };
  });

  router.add('GET', '/v1/plans/:uuid', (context) => ({ status: 200, body: planJson(findPlan(context)) }));

  router.add('PATCH', '/v1/plans/:uuid', (context) => {
    const record = { ...findPlan(context) };
    applyPlanFields(record, context.body);
    context.store.put('plans', record);
    return { status: 202, body: planJson(record) };
  });

  router.add('DELETE', '/v1/plans/:uuid', (context) => {
    context.store.remove('plans', findPlan(context).id);
    return { status: 204 };
  });
}

/** Sets name, interval_count and interval_unit from a body; a bad interval is a 422 naming the field. */
function applyPlanFields(record: StoredRecord, body: Record<string, unknown>): void {
  const name = text(body, 'name');
  if (name !== undefined) record.name = name;
  if (body.interval_count !== undefined) {
    const count = Number(body.interval_count);
    if (!Number.isInteger(count) || count < 1) throw new CmError(422, { errors: { interval_count: cmMessages.badIntervalCount } });
    record.interval_count = count;
  }
  if (body.interval_unit !== undefined) {
    if (typeof body.interval_unit !== 'string' || !UNITS.has(body.interval_unit)) throw new CmError(422, { errors: { interval_unit: cmMessages.badIntervalUnit } });
    record.interval_unit = body.interval_unit;
  }
}

export function planJson(record: StoredRecord): Record<string, unknown> {
  return {
    external_id: record.external_id,
    name: record.name,
    interval_count: record.interval_count,
    interval_unit: record.interval_unit,
    data_source_uuid: record.data_source_uuid,
    uuid: record.uuid,
  };
}
