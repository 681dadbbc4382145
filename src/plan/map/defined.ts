// Fields carry only what the row set: an absent cell is an absent member, not one holding undefined
// (so operations print, compare and diff the same however they were built).
export function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
