// The components a renewal preview prices: the subscription's own, or, when the request lists any, only
// those (the spec: "will override the actual components on the subscription (and their quantities)").
import { FieldErrors, isPresent, type Attributes } from '../fields.js';
import { messages } from '../messages.js';
import type { StoredRecord, Store } from '../store.js';
import { componentOfEntry } from './components.js';
import { storedComponents, type StoredSubscriptionComponent } from './subscription-view.js';

/** The lines to price; a 422 naming each entry of `components` that names no component or price point. */
export function previewComponents(store: Store, subscription: StoredRecord, body: Attributes): StoredSubscriptionComponent[] {
  const own = storedComponents(subscription);
  const raw = body.components;
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return own;
  const errors = new FieldErrors();
  if (!Array.isArray(raw)) {
    errors.add(messages.invalid('Components'));
    errors.done();
    return own;
  }
  const lines: StoredSubscriptionComponent[] = [];
  raw.forEach((item: unknown, index) => {
    const entry = (typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {}) as Attributes;
    const label = `Components[${index}]`;
    const ownLine = (component: StoredRecord): StoredSubscriptionComponent | undefined => own.find((line) => line.component_id === component.id);
    // Without a price point, the subscription's own for the component, else the component's default.
    const named = componentOfEntry(store, entry, label, errors, (component) => ownLine(component)?.price_point_id ?? Number(component.default_price_point_id));
    if (!named) return;
    const { component, point } = named;
    const current = ownLine(component);
    const pointGiven = isPresent(entry.price_point_id);
    const quantity = errors.integer(entry, 'quantity', `${label} quantity`);
    if (quantity !== undefined && quantity < 0) errors.add(messages.notNegative(`${label} quantity`));
    // No quantity: the subscription's own, as the spec calls the quantity the thing to preview.
    const previewed = quantity === undefined ? (current?.quantity ?? '0') : String(quantity);
    const onOff = String(component.kind) === 'on_off_component';
    lines.push({
      component_id: component.id,
      price_point_id: point.id,
      // An on/off component is enabled by any quantity above 0 (the spec: 0 disabled, 1 enabled).
      quantity: onOff ? (Number(previewed) > 0 ? '1' : '0') : previewed,
      enabled: onOff ? Number(previewed) > 0 : null,
      // The subscription's custom price stays unless the request names another price point.
      custom_price: pointGiven ? null : (current?.custom_price ?? null),
    });
  });
  errors.done();
  return lines;
}
