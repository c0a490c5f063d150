/**
 * Query strings in one of two styles:
 * - `form`, OpenAPI's default for query parameters (style `form`, `explode: true`): an array repeats its
 *   name, `name=a&name=b`; booleans `true`/`false`. An object's members go as `name[key]=v`, recursively
 *   (style `deepObject`), unless the operation spreads it (`queryStyles` `spread`, what `form` does with
 *   an object: each member under its own name, `key=v`) or joins it (`comma` and the other delimiters,
 *   `explode: false`: its keys and values in turn, `name=k1,v1,k2,v2`).
 * - `php`, what HostBill (and most PHP back ends) parse into arrays and objects: `name[]=a&name[]=b`
 *   (items that are objects or arrays get their index, `name[0][key]=v`, so PHP keeps them apart),
 *   `name[key]=v`, booleans `1`/`0` like PHP's `http_build_query`.
 * In both, `undefined` and `null` are skipped, dates are ISO 8601 and everything else `String(value)`.
 */
export type QueryStyle = 'form' | 'php';

/** Appends `value` under `name` in `style`. */
export function appendQuery(query: URLSearchParams, name: string, value: unknown, style: QueryStyle): void {
  if (value == null) return;
  if (Array.isArray(value)) {
    if (style === 'php') value.forEach((item, i) => appendQuery(query, `${name}[${item !== null && typeof item === 'object' ? i : ''}]`, item, style));
    else for (const item of value) appendQuery(query, name, item, style);
  } else if (value instanceof Date) {
    query.append(name, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) appendQuery(query, `${name}[${key}]`, item, style);
  } else if (typeof value === 'boolean') {
    query.append(name, style === 'php' ? (value ? '1' : '0') : String(value));
  } else {
    query.append(name, String(value));
  }
}

/** The separator of each `queryStyles` kind that joins a list (also how the test kit splits them back). */
export const DELIMITERS = { comma: ',', space: ' ', pipe: '|' } as const;

/** How an operation's `queryStyles` sends a parameter: a list joined by a delimiter, or an object spread into its members. */
export type QueryJoin = keyof typeof DELIMITERS | 'spread';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** A list item as one delimited value takes it. */
const itemText = (item: unknown): string => (item instanceof Date ? item.toISOString() : typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));

/**
 * A value as one text joined by `delimiter`: a list's items, an object's keys and values in turn
 * (`R,100,G,200`), `null` items and members left out. OpenAPI's `explode: false` query styles and
 * the `simple` style of header parameters both write values this way.
 */
export function joinedValue(value: unknown, delimiter: string): string {
  const items = Array.isArray(value) ? value.filter((item) => item != null) : isRecord(value) ? Object.entries(value).filter(([, item]) => item != null).flat() : [value];
  return items.map(itemText).join(delimiter);
}

/**
 * The query of `names` taken from `params`, in the order of `names`. In `form` style a list named in
 * `joined` goes as one delimited value (`tags=a,b`; an object as its keys and values, `c=R,100,G,200`),
 * and an object named `spread` as its members (`status=open&type=x`), as its document declares.
 */
export function encodeQuery(names: readonly string[], params: Record<string, unknown>, style: QueryStyle, joined?: Readonly<Record<string, QueryJoin>>): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of names) {
    const value = params[name];
    const kind = style === 'form' && joined && Object.hasOwn(joined, name) ? joined[name] : undefined;
    if (kind === 'spread' && isRecord(value)) {
      for (const [key, item] of Object.entries(value)) appendQuery(query, key, item, style);
    } else if (kind !== undefined && kind !== 'spread' && (Array.isArray(value) || isRecord(value))) {
      query.append(name, joinedValue(value, DELIMITERS[kind]));
    } else appendQuery(query, name, value, style);
  }
  return query;
}
