import { CLIENT_MEMBERS } from './client-members.ts';
import { isIdentifierName, safeOperationId } from './identifiers.ts';

/**
 * Names that outrank the rules. A pin (`x-clientgen-name`, `x-clientgen-group` on the operation, set
 * in the document or its overlay) wins over everything; a name the previous package gave an operation
 * (its `names.json`) wins over the rules, so adding an operation never renames an existing one; what
 * is left keeps its rule-made name unless a pinned or kept name took it, and then it, the newcomer,
 * takes the next of its alternatives.
 */

/** The extensions a user pins names with. */
export const PIN_METHOD = 'x-clientgen-name';
export const PIN_GROUP = 'x-clientgen-group';

/** The operation's pins, as written; undefined where it has none. */
export function pinOf(operation: object): { group?: unknown; method?: unknown } | undefined {
  // Extensions are not in openapi-types' operation type.
  const { [PIN_GROUP]: group, [PIN_METHOD]: method } = operation as Record<string, unknown>;
  if (group === undefined && method === undefined) return undefined;
  return { group, method };
}

/** One operation's entry in the previous package's `names.json`. */
export interface PreviousName {
  /** `GET /dns`: the method and the normalised document's path. */
  readonly route: string;
  readonly group: string;
  readonly method: string;
  readonly key: string;
  /** The deprecated aliases that package had for it, `group.method`. */
  readonly deprecated?: readonly string[];
}

export interface Name {
  readonly group: string;
  readonly method: string;
}

/** A pin the generator cannot use, at the pointer of the extension. */
export interface NameProblem {
  readonly pointer: string;
  readonly message: string;
}

export interface PinInput {
  readonly pointer: string;
  readonly group?: unknown;
  readonly method?: unknown;
}

/** The pin's values, or the problem with them: a pin must be a name the generator would itself emit. */
export function readPin(pin: PinInput, problems: NameProblem[]): { group?: string; method?: string } | undefined {
  const out: { group?: string; method?: string } = {};
  const check = (value: unknown, extension: string, member: boolean): string | undefined => {
    if (value === undefined) return undefined;
    const ok = typeof value === 'string' && isIdentifierName(value) && safeOperationId(value) === value && !(member && CLIENT_MEMBERS.has(value));
    if (ok) return value;
    const why = member && typeof value === 'string' && CLIENT_MEMBERS.has(value) ? 'is a member of the client class' : 'is not an identifier the generator can emit (letters, digits, _ and $, not a reserved word)';
    problems.push({ pointer: `${pin.pointer}/${extension}`, message: `${extension} ${JSON.stringify(value)} ${why}` });
    return undefined;
  };
  const group = check(pin.group, PIN_GROUP, true);
  const method = check(pin.method, PIN_METHOD, false);
  if (group !== undefined) out.group = group;
  if (method !== undefined) out.method = method;
  return group === undefined && method === undefined ? undefined : out;
}

export interface Note {
  readonly pointer: string;
  readonly message: string;
}

export interface SettleInput {
  readonly route: string;
  readonly pointer: string;
  /** By the rules, before any pin or previous name. */
  readonly natural: Name;
  readonly pin?: { group?: string; method?: string } | undefined;
  /** Method names to try, in order, when the natural one is taken. */
  readonly alternatives: readonly string[];
}

export interface Settled {
  readonly names: Name[];
  /** The previous package's key, where the operation kept its previous name. */
  readonly keys: (string | undefined)[];
  /** Names the previous package had for an operation that it no longer has: kept as deprecated aliases. */
  readonly former: Name[][];
  /** Whether the name came from a pin or the previous package, so the rules' clashes do not apply to it. */
  readonly fixed: boolean[];
  readonly problems: NameProblem[];
  /** For the report: names kept from the previous package where the rules give another, and operations named around a pinned or kept name. */
  readonly kept: Note[];
  readonly renamed: Note[];
}

const dotted = (n: Name): string => `${n.group}.${n.method}`;
const undotted = (text: string): Name | undefined => {
  const at = text.indexOf('.');
  return at > 0 ? { group: text.slice(0, at), method: text.slice(at + 1) } : undefined;
};

/**
 * Pins, then previous names, then the rules. `byGroup`: a method name is taken per group (HostBill);
 * otherwise anywhere in the document, as the document rules have it. Every step is in route order,
 * never document order.
 */
export function settleNames(inputs: readonly SettleInput[], previous: readonly PreviousName[] | undefined, byGroup: boolean): Settled {
  const before = new Map((previous ?? []).map((p) => [p.route, p]));
  const names: (Name | undefined)[] = inputs.map(() => undefined);
  const keys: (string | undefined)[] = inputs.map(() => undefined);
  const problems: NameProblem[] = [];
  const kept: Note[] = [];
  const renamed: Note[] = [];
  const taken = new Map<string, number>();
  const methodsTaken = new Set<string>();
  const isTaken = (n: Name) => (byGroup ? taken.has(dotted(n)) : methodsTaken.has(n.method) || taken.has(dotted(n)));
  const claim = (i: number, n: Name) => {
    names[i] = n;
    taken.set(dotted(n), i);
    methodsTaken.add(n.method);
  };
  const order = inputs.map((_, i) => i).sort((a, b) => ((inputs[a] as SettleInput).route < (inputs[b] as SettleInput).route ? -1 : 1));

  for (const i of order) {
    const { pin, natural, pointer } = inputs[i] as SettleInput;
    if (!pin) continue;
    const want = { group: pin.group ?? natural.group, method: pin.method ?? natural.method };
    const other = taken.get(dotted(want));
    if (other !== undefined) problems.push({ pointer, message: `the pinned name ${dotted(want)} is also #${(inputs[other] as SettleInput).pointer}'s: pins must differ within a group` });
    else claim(i, want);
  }
  for (const i of order) {
    const input = inputs[i] as SettleInput;
    const old = before.get(input.route);
    if (input.pin || !old) continue;
    const want = { group: old.group, method: old.method };
    const pinned = taken.get(dotted(want));
    if (pinned !== undefined) {
      renamed.push({ pointer: input.pointer, message: `${dotted(want)}, this operation's name in the previous package, is pinned to #${(inputs[pinned] as SettleInput).pointer}; this one is named by the rules` });
      continue;
    }
    claim(i, want);
    keys[i] = old.key;
    if (dotted(want) !== dotted(input.natural)) kept.push({ pointer: input.pointer, message: `kept the name ${dotted(want)} from the previous package (from scratch it would be ${dotted(input.natural)})` });
  }
  const waiting: number[] = [];
  for (const i of order) {
    if (names[i] !== undefined || inputs[i]?.pin) continue;
    const { natural } = inputs[i] as SettleInput;
    if (isTaken(natural)) waiting.push(i);
    else claim(i, natural);
  }
  for (const i of waiting) {
    const { natural, alternatives, pointer } = inputs[i] as SettleInput;
    let chosen = alternatives.map((method) => ({ group: natural.group, method })).find((n) => !isTaken(n));
    for (let n = 2; chosen === undefined; n++) {
      const numbered = { group: natural.group, method: `${natural.method}${n}` };
      if (!isTaken(numbered)) chosen = numbered;
    }
    claim(i, chosen);
    renamed.push({ pointer, message: `${dotted(natural)} is an existing or pinned operation's name; this one is named ${dotted(chosen)}` });
  }

  const former = inputs.map((input, i): Name[] => {
    const old = before.get(input.route);
    const now = names[i];
    if (!old || !now) return [];
    const all = [dotted(old), ...(old.deprecated ?? [])].filter((d, at, list) => list.indexOf(d) === at && d !== dotted(now));
    return all.map(undotted).filter((n): n is Name => n !== undefined);
  });
  const fixed = inputs.map((input, i) => input.pin !== undefined || keys[i] !== undefined);
  // A failed pin leaves its operation unnamed; the caller stops on the problem, so the natural name only fills the gap.
  return { names: names.map((n, i) => n ?? (inputs[i] as SettleInput).natural), keys, former, fixed, problems, kept, renamed };
}
