// What a created or found object leaves behind: its id, the link for the `Result` column and the cells
// its operation applied. An object with a page of its own links to it; a price point or a segment links
// to its parent's page (give the parent's id).
import { linkTo } from './site.js';
import { objectId } from './ids.js';
import type { StepOutcome } from '../../../plan/operation.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';

type Page = Extract<Parameters<typeof linkTo>[1], { id: number | string }>['type'];

export function outcomeOf(api: AdvancedBillingApi, object: JsonObject, applied: Record<string, string>, page: { type: Page; id?: number }): StepOutcome {
  const id = objectId(object);
  return { id, link: linkTo(api, { type: page.type, id: page.id ?? id }), applied };
}
