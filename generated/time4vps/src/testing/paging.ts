/**
 * HostBill's paging over a list the test provides: `?page=N` selects a slice, and the answer
 * carries `page: { current, total }` (`total` counts pages, as the runtime's `paginate` reads it)
 * beside the slice, in the documented answer's shape.
 */

export interface PagedList {
  readonly items: readonly unknown[];
  /** Items per page; default 10. */
  readonly pageSize?: number;
  /** The property holding the slice; default the documented answer's first list, else `items`. */
  readonly key?: string;
  /** The first page's number; default 1 (whether HostBill counts from 0 or 1 is unconfirmed). */
  readonly first?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function pageOf(list: PagedList, requested: unknown, documented: unknown): unknown {
  const size = Math.max(1, Math.floor(list.pageSize ?? 10));
  const first = list.first ?? 1;
  const total = Math.max(1, Math.ceil(list.items.length / size));
  const asked = Number(requested);
  const current = requested === undefined || requested === '' || !Number.isInteger(asked) ? first : asked;
  const base = isObject(documented) ? documented : {};
  const key = list.key ?? Object.keys(base).find((k) => Array.isArray(base[k])) ?? 'items';
  const start = (current - first) * size;
  const items = start < 0 ? [] : list.items.slice(start, start + size);
  return { ...base, [key]: items, page: { current, total } };
}
