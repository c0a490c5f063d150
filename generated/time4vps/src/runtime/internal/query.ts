/** Query strings, PHP style: what HostBill (and most PHP back ends) parse into arrays and objects. */

/**
 * Appends `value` under `name`: `undefined` and `null` are skipped; arrays become `name[]=a&name[]=b`
 * (items that are objects or arrays get their index, `name[0][key]=v`, so PHP keeps them apart);
 * objects become `name[key]=v`, recursively; booleans `1`/`0` like PHP's `http_build_query`; dates
 * ISO 8601; everything else `String(value)`.
 */
export function appendQuery(query: URLSearchParams, name: string, value: unknown): void {
  if (value == null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => appendQuery(query, `${name}[${item !== null && typeof item === 'object' ? i : ''}]`, item));
  } else if (value instanceof Date) {
    query.append(name, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) appendQuery(query, `${name}[${key}]`, item);
  } else {
    query.append(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
}

/** The query of `names` taken from `params`, in the order of `names`. */
export function encodeQuery(names: readonly string[], params: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of names) appendQuery(query, name, params[name]);
  return query;
}
