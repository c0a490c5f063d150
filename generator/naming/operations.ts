import { CLIENT_MEMBERS } from './client-members.ts';
import { pascalCase, safeCamelIdentifier, safeOperationId, safePascalIdentifier } from './identifiers.ts';
import { hostbillGroupTags } from './hostbill-sections.ts';
import { routeMethodName, routeSegments } from './routes.ts';
import { readPin, settleNames, type Name, type NameProblem, type PreviousName, type SettleInput } from './stable.ts';
import { joinVerb, verbParts, type VerbParts } from './verbs.ts';

/**
 * Every name an operation gets, decided here and nowhere else: its client group, its method in that
 * group, and its key (the normalised operationId, which keys the `operations` table and
 * openapi-typescript's `operations` interface and names the `<Key>Params`/`<Key>Response` types).
 */
export interface OperationNames {
  readonly group: string;
  readonly method: string;
  readonly key: string;
  /**
   * HostBill: the name the operation had in 0.1.x (the route transliterated, in the tag's group,
   * `serverManagement.postServerReboot`), where it differs; kept as a deprecated alias.
   */
  readonly legacy?: { readonly group: string; readonly method: string };
  /** Names the previous package had for the operation and this one does not: kept as deprecated aliases. */
  readonly former?: readonly Name[];
}

export interface OperationInput {
  /** Where the operation is, for reports: a JSON pointer (`/paths/~1dns/get`). */
  readonly pointer: string;
  readonly path: string;
  /** Lower case, as a path item key. */
  readonly method: string;
  /** The first tag, which names the group. */
  readonly tag?: string | undefined;
  /** As written in the document (HostBill documents' are ignored: their names come from the route). */
  readonly operationId?: string | undefined;
  /** The operation's `x-clientgen-group` and `x-clientgen-name`, as written (validated here). */
  readonly pin?: { readonly group?: unknown; readonly method?: unknown } | undefined;
}

export interface NameChange {
  readonly pointer: string;
  readonly message: string;
}

/** Two operations the rules cannot tell apart (HostBill routes that give one long name). */
export interface NameClash {
  readonly pointer: string;
  readonly other: string;
  readonly name: string;
}

export interface NamePlan {
  /** By the operation's pointer. */
  readonly names: ReadonlyMap<string, OperationNames>;
  /** Names the collision policy changed, for the report. */
  readonly renamed: readonly NameChange[];
  readonly clashes: readonly NameClash[];
  /** Pins that cannot be used: the caller stops on the first. */
  readonly problems: readonly NameProblem[];
  /** Names kept from the previous package where the rules would now give another, for the report. */
  readonly kept: readonly NameChange[];
}

export interface NamingOptions {
  /** HostBill document: names come from routes. */
  readonly hostbill: boolean;
  /**
   * The operationIds were written by this module (the normalised document), so a non-HostBill
   * operation's method name is its operationId as it stands: re-deriving it could change it.
   */
  readonly normalised?: boolean;
  /** The previous package's names (`names.json`): each operation there keeps its name. */
  readonly previous?: readonly PreviousName[] | undefined;
}

/** `Server Management` → `serverManagement`; a name the client class already has as a member gets `Api`. */
export function groupName(tag: string | undefined): string {
  const group = safeCamelIdentifier(tag ?? 'default', 'default');
  return CLIENT_MEMBERS.has(group) ? `${group}Api` : group;
}

/**
 * The collision policy, in one place.
 * - Groups: the first tag; in HostBill documents that tag only their own sections, the HostBill
 *   section of the route (`hostbill-sections.ts`).
 * - HostBill documents: the method name comes from the route (`GET /service/@id/dns/@zone_id` →
 *   `getServiceDnsByZoneId`), so the same endpoint has the same name in every provider. Routes of one
 *   group that the short form would merge (`/a/{x}/b` and `/a/b`) all take the long form; routes that
 *   even the long form cannot tell apart are a clash.
 * - Other documents: the operationId made a camelCase identifier (the route name when it has none);
 *   a newcomer whose name is taken anywhere in the document gets its long route name, else a number.
 * - Above the rules (`stable.ts`): pins (`x-clientgen-name`/`x-clientgen-group`), then the previous
 *   package's names (`names.json`); an operation whose rule-made name they took is named around them.
 * - Keys: the previous package's key where the operation kept its name; else the method name where no
 *   other group has that method name, else the group followed by the method name in PascalCase
 *   (`dnsGetZone`); a key still taken gets a number.
 */
export function nameOperations(operations: readonly OperationInput[], options: NamingOptions): NamePlan {
  const { hostbill } = options;
  const renamed: NameChange[] = [];
  const ruleClashes: NameClash[] = [];
  // 0.1.x groups: the tags, or HostBill's sections where a document's tags are its own (hostbill-sections.ts).
  const tagGroups = (hostbill ? hostbillGroupTags(operations) : operations.map((op) => op.tag)).map(groupName);
  const legacy = hostbill ? routeMethods(operations, tagGroups) : [];
  const verbs = hostbill ? verbMethods(operations, tagGroups, legacy, ruleClashes) : undefined;
  const naturalGroups = verbs?.groups ?? tagGroups;
  const naturalMethods = verbs
    ? verbs.methods
    : options.normalised
      ? operations.map((op) => op.operationId as string)
      : documentMethods(operations, renamed);

  const problems: NameProblem[] = [];
  const settled = settleNames(
    operations.map((op, i): SettleInput => ({
      route: `${op.method.toUpperCase()} ${op.path}`,
      pointer: op.pointer,
      natural: { group: naturalGroups[i] as string, method: naturalMethods[i] as string },
      pin: op.pin ? readPin({ pointer: op.pointer, ...op.pin }, problems) : undefined,
      alternatives: hostbill ? hostbillAlternatives(op, legacy[i] as string) : [routeMethodName(op.method, op.path, true), routeMethodName(op.method, op.path)],
    })),
    options.previous,
    hostbill,
  );
  problems.push(...settled.problems);
  const groups = settled.names.map((n) => n.group);
  const methods = settled.names.map((n) => n.method);
  renamed.push(...settled.renamed);
  const fixedAt = new Set(operations.filter((_, i) => settled.fixed[i]).map((op) => op.pointer));
  const clashes = ruleClashes.filter((c) => !fixedAt.has(c.pointer) && !fixedAt.has(c.other));

  const groupsByMethod = new Map<string, Set<string>>();
  methods.forEach((method, i) => groupsByMethod.set(method, (groupsByMethod.get(method) ?? new Set()).add(groups[i] as string)));
  // Kept keys first, so a newcomer never takes an existing operation's key.
  const keys = new Set(settled.keys.filter((k): k is string => k !== undefined));
  const names = new Map<string, OperationNames>();
  operations.forEach((op, i) => {
    const group = groups[i] as string;
    const method = methods[i] as string;
    let key = settled.keys[i];
    if (key === undefined) {
      const base = (groupsByMethod.get(method)?.size ?? 0) > 1 ? `${group}${pascalCase(method)}` : method;
      key = base;
      for (let n = 2; keys.has(key); n++) key = `${base}${n}`;
      keys.add(key);
    }
    const old = hostbill ? { group: tagGroups[i] as string, method: legacy[i] as string } : undefined;
    const former = settled.former[i] ?? [];
    names.set(op.pointer, {
      group,
      method,
      key,
      ...(old && (old.group !== group || old.method !== method) ? { legacy: old } : {}),
      ...(former.length > 0 ? { former } : {}),
    });
  });
  return { names, renamed, clashes, problems, kept: settled.kept };
}

/** What a HostBill newcomer whose name is taken tries next: the qualified form, its 0.1.x name, the long route name. */
function hostbillAlternatives(op: OperationInput, legacy: string): string[] {
  const p = verbParts(op.method, op.path);
  return [safeCamelIdentifier(joinVerb(p.verb, p.owner, p.noun), 'operation'), legacy, routeMethodName(op.method, op.path, true)];
}

/**
 * HostBill verb names (`verbs.ts`). Where two routes of a group get one name, the more specific
 * (longer) routes take the qualified form (`listServiceZones` beside `listZones`), all of them where
 * they are equally long; routes that still collide keep their 0.1.x route names. Every step depends
 * only on the routes involved, never on document order.
 */
function verbMethods(operations: readonly OperationInput[], tagGroups: readonly string[], legacy: readonly string[], clashes: NameClash[]): { groups: string[]; methods: string[] } {
  const parts = operations.map((op) => verbParts(op.method, op.path));
  const groups = parts.map((p, i) => p.group ?? (tagGroups[i] as string));
  const length = (i: number) => routeSegments((operations[i] as OperationInput).path).length;
  let methods = parts.map((p) => joinVerb(p.verb, p.noun));
  const clashing = (names: readonly string[]) => {
    const byName = new Map<string, number[]>();
    names.forEach((name, i) => byName.set(`${groups[i]}.${name}`, [...(byName.get(`${groups[i]}.${name}`) ?? []), i]));
    return [...byName.values()].filter((members) => members.length > 1);
  };
  for (const members of clashing(methods)) {
    const shortest = Math.min(...members.map(length));
    const allEqual = members.every((i) => length(i) === shortest);
    for (const i of members) {
      if (!allEqual && length(i) === shortest) continue;
      const p = parts[i] as VerbParts;
      methods[i] = joinVerb(p.verb, p.owner, p.noun);
    }
  }
  for (const members of clashing(methods)) for (const i of members) methods[i] = legacy[i] as string;
  methods = methods.map((m) => safeCamelIdentifier(m, 'operation'));
  const seen = new Map<string, string>();
  methods.forEach((method, i) => {
    const id = `${groups[i]}.${method}`;
    const other = seen.get(id);
    if (other !== undefined) clashes.push({ pointer: (operations[i] as OperationInput).pointer, other, name: id });
    else seen.set(id, (operations[i] as OperationInput).pointer);
  });
  return { groups, methods };
}

/** The 0.1.x HostBill names (kept as deprecated aliases): the route transliterated, the long form where two routes of a group would merge. */
function routeMethods(operations: readonly OperationInput[], groups: readonly string[]): string[] {
  const short = operations.map((op) => routeMethodName(op.method, op.path));
  const count = new Map<string, number>();
  short.forEach((name, i) => count.set(`${groups[i]}.${name}`, (count.get(`${groups[i]}.${name}`) ?? 0) + 1));
  return operations.map((op, i) => ((count.get(`${groups[i]}.${short[i]}`) ?? 0) > 1 ? routeMethodName(op.method, op.path, true) : (short[i] as string)));
}

function documentMethods(operations: readonly OperationInput[], renamed: NameChange[]): string[] {
  const taken = new Set<string>();
  return operations.map((op) => {
    const written = typeof op.operationId === 'string' && op.operationId.trim() !== '' ? op.operationId : undefined;
    const wanted = written !== undefined ? safeCamelIdentifier(safeOperationId(written), 'operation') : routeMethodName(op.method, op.path);
    let method = wanted;
    if (taken.has(method)) {
      const long = routeMethodName(op.method, op.path, true);
      method = taken.has(long) ? wanted : long;
      for (let n = 2; taken.has(method); n++) method = `${wanted}${n}`;
      renamed.push({ pointer: op.pointer, message: `operationId ${JSON.stringify(written ?? wanted)} gives the method name ${wanted}, which another operation has; renamed to ${method}` });
    }
    taken.add(method);
    return method;
  });
}

/** `dnsGetZone` → `DnsGetZone`, the stem of `DnsGetZoneParams` and `DnsGetZoneResponse`; unique per package. */
export function typeStems(keys: readonly string[]): Map<string, string> {
  const stems = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const base = safePascalIdentifier(key, 'Operation');
    let stem = base;
    for (let n = 2; used.has(stem); n++) stem = `${base}${n}`;
    used.add(stem);
    stems.set(key, stem);
  }
  return stems;
}

/** `serverManagement` → `ServerManagementApi`, unique per package. */
export function groupClassNames(groups: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const group of groups) {
    const base = `${safePascalIdentifier(group)}Api`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    out.set(group, name);
  }
  return out;
}
