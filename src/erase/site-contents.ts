// What the wider scopes hand a target and the journal: the objects the toolkit created (a target that
// counts what a clear loses tells its own work apart from people's with them), the sentence that says
// what a clear takes along, and the journaling of each customer as it leaves the site.
import type { Journal, JournalObject } from '../state/journal.js';
import type { ImportedObject, SiteContents } from '../targets/target.js';
import { keyOf } from './plan.js';
import { recordErased } from './record.js';

/** Every object the journal says the toolkit created and still holds, with the cells it applied. */
export function importedObjects(journal: Journal): ImportedObject[] {
  return [...journal.objects().values()]
    .filter((object) => object.state === 'done')
    .map((object) => ({ type: object.type, key: keyOf(object), kind: object.kind, applied: object.applied ?? {} }));
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "21 customers, 4 plans and 24 invoices, with the tags (2 customers), …": what a clear takes along. */
export function describeContents(contents: SiteContents): string {
  const kinds = Object.entries(contents.counts).map(([kind, count]) => `${count} ${kind}`);
  const what = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : (kinds[0] ?? 'nothing');
  const { tagged, attributed, merged, edited } = contents.manualWork;
  const work = [
    tagged.count > 0 ? `tags (${counted(tagged.count, 'customer', 'customers')})` : undefined,
    attributed.count > 0 ? `custom attributes (${counted(attributed.count, 'customer', 'customers')})` : undefined,
    merged.count > 0 ? `merged customers (${merged.count})` : undefined,
    edited.count > 0 ? `edits made on the site (${counted(edited.count, 'customer', 'customers')})` : undefined,
  ].filter((part) => part !== undefined);
  const added = contents.notImported.count > 0 ? `; ${counted(contents.notImported.count, 'customer', 'customers')} the toolkit did not import` : '';
  return `${what}${work.length > 0 ? `, with the ${work.join(', ')}` : ''}${added}`;
}

/**
 * Journals as erased, as each customer leaves the site, the journaled customers with its id: a run
 * killed part-way leaves no journaled customer behind as present that is gone. `settled()` waits for
 * the writes.
 */
export function journalCustomersGone(journal: Journal): ((customerId: string) => void) & { settled(): Promise<void> } {
  const byId = new Map<string, JournalObject[]>();
  for (const object of journal.objects().values()) {
    if (object.state !== 'done' || object.type !== 'customer' || object.id === undefined) continue;
    byId.set(String(object.id), [...(byId.get(String(object.id)) ?? []), object]);
  }
  const writes: Array<Promise<void>> = [];
  let failure: unknown;
  const record = (customerId: string): void => {
    const objects = byId.get(customerId);
    // Kept until settled() reports it: the erase goes on meanwhile.
    if (objects !== undefined) writes.push(recordErased(journal, objects).catch((error: unknown) => void (failure ??= error)));
  };
  const settled = async (): Promise<void> => {
    await Promise.all(writes);
    if (failure !== undefined) throw failure;
  };
  return Object.assign(record, { settled });
}
