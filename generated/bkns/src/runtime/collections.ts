/**
 * HostBill answers a collection either as an array or as an object keyed by id (PHP's associative
 * arrays), and which one depends on the provider and on the data. Response types say so truthfully
 * (`T[] | Record<string, T>`); `toList` is the one way to iterate either without narrowing.
 */

/** A collection as HostBill sends it: an array, or an object keyed by id. */
export type Collection<T> = readonly T[] | { readonly [key: string]: T };

/**
 * The items of a collection as an array, in the order sent: `toList(zone.records)` is `DnsRecord[]`
 * whether the API answered `[…]` or `{ "17": …, "18": … }`. A missing collection is `[]`.
 */
export function toList<T>(collection: Collection<T> | null | undefined): T[] {
  if (collection == null) return [];
  return Array.isArray(collection) ? [...collection] : Object.values(collection);
}
