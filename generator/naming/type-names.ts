import { pascalCase, safePascalIdentifier } from './identifiers.ts';
import { singular, verbParts } from './verbs.ts';

/**
 * The names of the types a package exports beside `<Stem>Params`/`<Stem>Response`/`<Stem>Errors`
 * (README, "Named types"): component schemas inferred from HostBill examples are named after the
 * route's resource (`DnsZone`, `Invoice`, `ServerTask`), and every component schema gets an exported
 * alias that no other export of the package can shadow.
 */

/**
 * A resource's type is prefixed by its group's own resource, so `zone` in `dns` reads `DnsZone` and
 * `task` in `servers` reads `ServerTask`; groups that are no resource of their own (billing, account,
 * support, orders) add nothing (`Invoice`, `Ticket`).
 */
const TYPE_PREFIX: Readonly<Record<string, string>> = {
  dns: 'dns', services: 'service', servers: 'server', domains: 'domain', certificates: 'certificate', vpn: 'vpn',
};

/** `dns` + `record` → `DnsRecord`; `services` + `service` → `Service`; a noun that already starts with the prefix keeps it once. */
export function resourceTypeName(group: string | undefined, noun: string): string {
  const prefix = group !== undefined ? TYPE_PREFIX[group] : undefined;
  const base = pascalCase(noun);
  if (prefix === undefined || base.toLowerCase().startsWith(prefix)) return safePascalIdentifier(base, 'Item');
  return safePascalIdentifier(`${prefix} ${noun}`, 'Item');
}

/** Words `singular` would cut wrongly in a type name (`vps` is one virtual private server). */
const SINGULAR_AS_IS: ReadonlySet<string> = new Set(['vps']);

const itemOf = (word: string): string => (SINGULAR_AS_IS.has(word.toLowerCase()) ? word.toLowerCase() : singular(word));

/** What an example-inferred schema is, for its name (`exampleSchemaName`). */
export type ExampleSchemaRole =
  /** The whole success body of an operation. */
  | { readonly kind: 'body'; readonly key: string; readonly method: string; readonly path: string; readonly hostbill: boolean; readonly wrapped: boolean }
  /** The object a GET's body wraps under the resource's own key (`{"invoice": {…}}`). */
  | { readonly kind: 'wrapped'; readonly method: string; readonly path: string }
  /** The items of a collection (array or object keyed by id) under `property`, or the body's own items. */
  | { readonly kind: 'element'; readonly method: string; readonly path: string; readonly property?: string };

/**
 * The name an example-inferred component schema asks for, before numbering:
 * - HostBill `GET` of one thing (an item or a segment read as one): the resource (`DnsZone`,
 *   `Details`, `ServiceLabel`), unless its body only wraps the resource (`{"invoice": {…}}`), which
 *   then takes that name and leaves the body `<Key>Result`;
 * - a collection's items: the resource its property names (`records` → `DnsRecord`), or for a list
 *   that is itself the collection, the route's resource (`GET /server` → `Server`);
 * - any other HostBill body: `<Key>Result` (`CreateZoneResult`, `ListInvoicesResult`);
 * - other documents' bodies: `<Key>Response`, which is then also the operation's response type.
 */
export function exampleSchemaBaseName(role: ExampleSchemaRole): string {
  const parts = verbParts(role.method, role.path);
  if (role.kind === 'element') {
    const noun = role.property !== undefined ? itemOf(role.property) : parts.noun === '' ? 'item' : itemOf(parts.noun);
    return resourceTypeName(parts.group, noun);
  }
  if (role.kind === 'wrapped') return resourceTypeName(parts.group, parts.noun);
  if (!role.hostbill) return `${safePascalIdentifier(role.key, 'Operation')}Response`;
  if (parts.verb === 'get' && !role.wrapped) return resourceTypeName(parts.group, parts.noun);
  return `${safePascalIdentifier(role.key, 'Operation')}Result`;
}

/** The resource noun of a route (`/invoice/{id}` → `invoice`), for recognising a body that wraps it. */
export function routeNoun(method: string, path: string): string {
  return verbParts(method, path).noun;
}

/** The name a collection's items fall back to where the resource's name has another shape: `InvoiceListItem`. */
export function listItemName(base: string): string {
  return `${base}ListItem`;
}

/**
 * One name per distinct shape: requests for one base name whose schemas are equal (`same`) share it;
 * a different shape gets its `variant` (`InvoiceListItem`) where it has one and that is free, else the
 * next number (`DnsZone2`), in the order the requests are given; a name `taken` already (a document's
 * own schema) is skipped the same way. Returns a name per request, in order.
 */
export function shareSchemaNames<S>(requests: readonly { readonly base: string; readonly variant?: string; readonly schema: S }[], same: (a: S, b: S) => boolean, taken: (name: string) => boolean): string[] {
  const named: { name: string; base: string; schema: S }[] = [];
  const used = new Set<string>();
  const free = (name: string) => !taken(name) && !used.has(name);
  return requests.map(({ base, variant, schema }) => {
    const match = named.find((n) => n.base === base && same(n.schema, schema));
    if (match) return match.name;
    let name = base;
    if (!free(name) && variant !== undefined) name = variant;
    const stem = name;
    for (let n = 2; !free(name); n++) name = `${stem}${n}`;
    used.add(name);
    named.push({ name, base, schema });
    return name;
  });
}

/**
 * Global types the generated `types.ts` refers to by name (and the ones a reader expects to mean the
 * global): a component alias must not shadow them.
 */
const GLOBAL_TYPES: ReadonlySet<string> = new Set([
  'Array', 'Blob', 'Boolean', 'Date', 'Error', 'Exclude', 'Extract', 'File', 'Function', 'Map', 'NonNullable', 'Number', 'Object',
  'Omit', 'Partial', 'Pick', 'Promise', 'Readonly', 'Record', 'Required', 'Response', 'Request', 'Headers', 'Set', 'String', 'Symbol',
]);

/**
 * The exported alias of each component schema: its name made a PascalCase identifier, kept where no
 * other export of the package (`reserved`: client and group classes, `<Stem>Params`/`Response`/
 * `Errors`, runtime exports, `operations`, `paths`, …) or global type has it, else with `Schema`
 * appended and then numbered. `same(name)` is a reserved name that means this very schema (a generic
 * document's `<Key>Response` component, which is that operation's response type): it is kept.
 * Deterministic: the schemas are named in the order given.
 */
export function schemaTypeNames(schemaNames: readonly string[], reserved: ReadonlySet<string>, same: (schema: string, alias: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const schema of schemaNames) {
    const base = safePascalIdentifier(schema, 'Schema');
    const free = (name: string) => !used.has(name) && !GLOBAL_TYPES.has(name) && (!reserved.has(name) || same(schema, name));
    let name = base;
    if (!free(name)) name = `${base}Schema`;
    for (let n = 2; !free(name); n++) name = `${base}Schema${n}`;
    used.add(name);
    out.set(schema, name);
  }
  return out;
}
