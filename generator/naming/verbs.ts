import { camelCase } from './identifiers.ts';
import { routeSegments } from './routes.ts';

/**
 * HostBill method and group names: verbs on resources, derived from the route by the rules below
 * (README, "How methods are named"), so the same endpoint has the same name in every provider
 * whatever its document's operationIds and tags say.
 *
 * A route is read as resources and actions: `/service/{id}/vms/{vmid}/reboot` is the resource
 * `service` (item `id`), its sub-resource `vms` (item `vmid`) and the action `reboot`.
 * - The group is the route's first resource, through a table of HostBill's resources
 *   (`server` → `servers`, `invoice` → `billing`, `/service/{id}/dns…` → `dns`); an unknown first
 *   resource keeps the document's tag.
 * - A route ending in an item (`…/records/{record_id}`): `get`, `update` (PUT, PATCH), `delete`
 *   followed by the item's noun (`getRecord`); a POST on it is `update`, or, where the placeholder
 *   names another resource (`/order/{product_id}`), the segment applied to it (`orderProduct`).
 * - A route ending in a collection (a segment whose items have their own route, a plural segment,
 *   or `dns`, whose items are zones): GET lists (`listInvoices`), POST creates (`createRecord`).
 * - A route ending in an action segment (reboot, cancel, renew, …): the action, followed by the
 *   noun of the item it acts on unless that item is the group's own resource
 *   (`servers.reboot`, `services.rebootVm`, `support.closeTicket`).
 * - Any other route ending in a segment: `get` that segment, and `update` it (PUT, PATCH, and POST
 *   where a GET reads it) or `create` it (POST).
 */

/** The group of a route by its first resource. */
const GROUPS: Readonly<Record<string, string>> = {
  invoice: 'billing', invoices: 'billing', balance: 'billing', payment: 'billing', transactions: 'billing', credit: 'billing',
  service: 'services', services: 'services',
  server: 'servers', servers: 'servers',
  dns: 'dns',
  domain: 'domains', domains: 'domains',
  certificate: 'certificates', certificates: 'certificates',
  details: 'account', contact: 'account', contacts: 'account', notifications: 'account', logs: 'account', affiliates: 'account',
  clientarea: 'account', passwordreset: 'account', signup: 'account', ekyc: 'account', statuses: 'account', profile: 'account',
  login: 'auth', logout: 'auth', revoke: 'auth', token: 'auth',
  category: 'orders', categories: 'orders', order: 'orders', orders: 'orders', quote: 'orders', cart: 'orders',
  scripts: 'scripts',
  vpn: 'vpn',
  location: 'locations', locations: 'locations',
  ticket: 'support', tickets: 'support',
};

/** Groups named after their own resource: an action on that resource's item is the bare verb (`servers.reboot`). */
const GROUP_RESOURCE: Readonly<Record<string, string>> = {
  services: 'service', servers: 'server', domains: 'domain', certificates: 'certificate', scripts: 'script', vpn: 'vpn', orders: 'order',
};

/** Action segments and the verb each becomes (POST, PUT and PATCH only; a GET on one reads it). */
const ACTIONS: Readonly<Record<string, string>> = {
  reboot: 'reboot', reinstall: 'reinstall', rename: 'rename', resetpassword: 'resetPassword', flushfirewall: 'flushFirewall',
  changedns: 'changeDns', changeptr: 'changePtr', webconsole: 'openWebConsole', cancel: 'cancel', renew: 'renew', reg: 'register',
  start: 'start', stop: 'stop', shutdown: 'shutdown', reset: 'reset', rebuild: 'rebuild', rescue: 'rescue', unrescue: 'unrescue',
  upgrade: 'upgrade', credit: 'applyCredit', ack: 'acknowledge', open: 'reopen', close: 'close', lookup: 'lookup', upload: 'upload', sync: 'sync',
  login: 'login', logout: 'logout', revoke: 'revoke', token: 'refreshToken', passwordreset: 'resetPassword', signup: 'signUp',
};

/** Collections whose items are named otherwise, by group: the zones of `/service/{id}/dns`, the records of `/domain/{id}/dns`. */
const ITEMS_BY_GROUP: Readonly<Record<string, Readonly<Record<string, string>>>> = { dns: { dns: 'zone' }, domains: { dns: 'record' } };

/**
 * HostBill resources whose bare route lists them though the segment is singular (`GET /invoice`).
 * A table, not the document's other routes: a name must not depend on which other routes a provider
 * documents, or the same endpoint would be named differently by two providers.
 */
const TOP_COLLECTIONS: ReadonlySet<string> = new Set(['invoice', 'service', 'server', 'contact', 'category', 'certificate', 'domain', 'ticket', 'script', 'order']);
/** The same, for resources under another resource's item (`/service/{id}/addon`). */
const SUB_COLLECTIONS: ReadonlySet<string> = new Set(['vm', 'record', 'interface', 'addon', 'product', 'zone']);

/** Words with no plural form of their own. */
const UNCOUNTED: ReadonlySet<string> = new Set(['dns', 'dnssec', 'rdns', 'ns', 'sms', 'news', 'details', 'ippool']);

/** Words that look plural but are not (or whose singular is not the word less its `s`). */
const SINGULAR: Readonly<Record<string, string>> = { oses: 'os', statuses: 'status', addresses: 'address', status: 'status' };

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (UNCOUNTED.has(w) || w.endsWith('details')) return w;
  if (SINGULAR[w] !== undefined) return SINGULAR[w];
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

function plural(word: string): string {
  if (UNCOUNTED.has(word) || word.endsWith('details')) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

const isPlural = (word: string): boolean => singular(word) !== word.toLowerCase();

interface Step {
  readonly segment: string;
  /** The placeholder after the segment, when the route names one of its items. */
  readonly item?: string;
}

function steps(path: string): Step[] {
  const out: Step[] = [];
  for (const s of routeSegments(path)) {
    const last = out[out.length - 1];
    if (!s.literal) {
      if (last && last.item === undefined) out[out.length - 1] = { segment: last.segment, item: s.text };
      else out.push({ segment: '', item: s.text });
    } else out.push({ segment: s.text });
  }
  return out;
}

/** `zone_id` → `zone`, `vmid` → undefined (the placeholder does not name a resource). */
function resourceOfPlaceholder(name: string): string | undefined {
  const m = /^(.+?)_?(?:id|Id|ID)$/.exec(name);
  return m && m[1] !== undefined && m[1] !== '' ? camelCase(m[1]).toLowerCase() : undefined;
}

type Items = Readonly<Record<string, string>>;

/** The noun of an item step: what the group calls this segment's items, else the segment's singular. */
function itemNoun(step: Step, items: Items): string {
  return items[step.segment.toLowerCase()] ?? singular(step.segment);
}

/** A placeholder that names a resource other than the segment's own items (`order/{product_id}`). */
function appliesToOther(step: Step, items: Items): string | undefined {
  const named = step.item === undefined ? undefined : resourceOfPlaceholder(step.item);
  if (named === undefined || named === singular(step.segment) || named === items[step.segment.toLowerCase()]) return undefined;
  return named;
}

/** A route's name before collisions: `verb` + `noun`, and the owner noun that qualifies it when two routes collide. */
export interface VerbParts {
  /** Undefined where the route's first resource is not one of HostBill's known ones. */
  readonly group?: string;
  readonly verb: string;
  readonly noun: string;
  /** The noun of the item the route hangs under (`service` in `/service/{id}/dns`), for the qualified form. */
  readonly owner?: string;
}

function groupOf(all: readonly Step[]): string | undefined {
  const first = all[0]?.segment.toLowerCase() ?? '';
  if (first === 'service' && all.some((s, i) => i > 0 && s.segment.toLowerCase() === 'dns')) return 'dns';
  return GROUPS[first];
}

/** `create` + `zone` → `createZone`; `list` + `service zones` → `listServiceZones`. */
export function joinVerb(verb: string, ...nouns: (string | undefined)[]): string {
  return camelCase([verb, ...nouns.filter((n) => n !== undefined && n !== '')].join(' '));
}

/** The parts of the HostBill name of `METHOD path` (rules in the module comment). */
export function verbParts(method: string, path: string): VerbParts {
  const http = method.toLowerCase();
  const all = steps(path);
  const group = groupOf(all);
  const items: Items = (group !== undefined ? ITEMS_BY_GROUP[group] : undefined) ?? {};
  const last = all[all.length - 1];
  if (!last) return { group, verb: http === 'get' ? 'get' : http, noun: 'root' };
  const before = all.length > 1 ? all[all.length - 2] : undefined;
  const owner = before === undefined ? undefined : before.item !== undefined ? itemNoun(before, items) : singular(before.segment);
  const base = { group, ...(owner !== undefined ? { owner } : {}) };
  const segment = last.segment;

  // …/{item}: read, change or remove one item.
  if (last.item !== undefined) {
    const other = appliesToOther(last, items);
    const noun = other ?? itemNoun(last, items);
    if (http === 'get') return { ...base, verb: 'get', noun };
    if (http === 'delete') return { ...base, verb: 'delete', noun };
    if (http === 'post' && other !== undefined) return { ...base, verb: segment.toLowerCase(), noun: other };
    return { ...base, verb: 'update', noun };
  }

  const action = ACTIONS[segment.toLowerCase()];
  if (action !== undefined && http !== 'get' && http !== 'delete') {
    // The action's target: the item it acts on, unless that is the group's own resource (`servers.reboot`).
    const ownResource = before === all[0] && group !== undefined && GROUP_RESOURCE[group] === singular(before?.segment ?? '');
    const target = before?.item !== undefined && !ownResource ? itemNoun(before, items) : '';
    return { group, verb: action, noun: target };
  }
  const lower = segment.toLowerCase();
  const itemsNamed = items[lower];
  const listed = all.length === 1 ? TOP_COLLECTIONS.has(lower) : SUB_COLLECTIONS.has(lower);
  if (itemsNamed !== undefined || isPlural(segment) || listed) {
    const noun = itemsNamed ?? singular(segment);
    const many = isPlural(segment) ? lower : plural(noun);
    if (http === 'get') return { ...base, verb: 'list', noun: many };
    if (http === 'post') return { ...base, verb: 'create', noun };
    return { ...base, verb: http === 'delete' ? 'delete' : 'update', noun: many };
  }
  if (http === 'get') return { ...base, verb: 'get', noun: lower };
  if (http === 'delete') return { ...base, verb: 'delete', noun: lower };
  // A POST under an item sets a property of it (`/service/{id}/label`); elsewhere it makes something.
  if (http === 'post' && before?.item === undefined) return { ...base, verb: 'create', noun: lower };
  return { ...base, verb: 'update', noun: lower };
}

const TITLES: Readonly<Record<string, string>> = { dns: 'DNS', vpn: 'VPN', auth: 'Authentication' };

/** `certificates` → `Certificates`, `dns` → `DNS`: the heading of a HostBill group. */
export function groupTitle(group: string): string {
  return TITLES[group] ?? group.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}
