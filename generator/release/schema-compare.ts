/**
 * Compares two schemas of the same parameter or response field. Inputs (parameters, request-body
 * properties) and outputs (response fields) differ in what breaks a caller: accepting less breaks
 * an input, while for an output any change of type breaks code that reads it.
 */
import { code, type Change, type ChangeKind, type Severity } from './change.ts';
import { objectView, schemaAt, type PlainDocument, type Schema } from './openapi-index.ts';

export interface CompareContext {
  readonly before: PlainDocument;
  readonly after: PlainDocument;
  readonly operation: string;
  readonly emit: (change: Change) => void;
}

const MAX_DEPTH = 12;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON types a schema admits; undefined when it admits anything. */
export function typeSet(doc: PlainDocument, schema: Schema, depth = 0): Set<string> | undefined {
  const types = new Set<string>();
  if (typeof schema.type === 'string') types.add(schema.type);
  else if (Array.isArray(schema.type)) for (const t of schema.type) if (typeof t === 'string') types.add(t);
  if (types.size === 0) {
    if (isObject(schema.properties)) types.add('object');
    else if (schema.items !== undefined) types.add('array');
    else if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      for (const value of schema.enum) types.add(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value);
    } else {
      const variants = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
      if (!variants || depth > MAX_DEPTH) return undefined;
      for (const variant of variants) {
        const inner = typeSet(doc, schemaAt(doc, variant), depth + 1);
        if (inner === undefined) return undefined;
        for (const t of inner) types.add(t);
      }
    }
  }
  if (types.size === 0) return undefined;
  if (schema.nullable === true) types.add('null');
  return types;
}

export function describeTypes(types: Set<string> | undefined): string {
  return types === undefined ? 'any' : [...types].sort().join(' | ');
}

const accepts = (types: Set<string> | undefined, t: string): boolean =>
  types === undefined || types.has(t) || (t === 'integer' && types.has('number'));

const enumValues = (schema: Schema): unknown[] | undefined => (Array.isArray(schema.enum) ? schema.enum : undefined);
const literal = (value: unknown): string => code(JSON.stringify(value));

function emit(ctx: CompareContext, severity: Severity, kind: ChangeKind, target: string, message: string): void {
  ctx.emit({ severity, kind, operation: ctx.operation, target, message });
}

/** How a parameter, property or response field is named in messages. */
export function subject(target: string, output: boolean): string {
  if (target === '') return 'response body';
  return `${output ? 'response field' : 'parameter'} ${code(target)}`;
}

/** The schema and the members of its `allOf`/`anyOf`/`oneOf`, resolved (PHP arrays are `anyOf` a list and a map). */
function variants(doc: PlainDocument, schema: Schema, depth = 0): Schema[] {
  const found = [schema];
  if (depth > 3) return found;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) for (const member of members) found.push(...variants(doc, schemaAt(doc, member), depth + 1));
  }
  return found;
}

/** The item schema of an array (in any variant). */
export function itemsOf(doc: PlainDocument, schema: Schema): unknown {
  return variants(doc, schema).find((v) => isObject(v.items))?.items;
}

/** The value schema of a map (`additionalProperties` as a schema, in any variant). */
export function mapValuesOf(doc: PlainDocument, schema: Schema): unknown {
  return variants(doc, schema).find((v) => isObject(v.additionalProperties) && Object.keys(v.additionalProperties).length > 0)?.additionalProperties;
}

const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;

function compareConstraints(ctx: CompareContext, target: string, before: Schema, after: Schema): void {
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  for (const key of UPPER_BOUNDS) {
    const [b, a] = [num(before[key]), num(after[key])];
    if (b === a) continue;
    if (a !== undefined && (b === undefined || a < b)) emit(ctx, 'breaking', 'type-narrowed', target, `${subject(target, false)}: ${key} tightened from ${b ?? 'none'} to ${a}`);
    else emit(ctx, 'feature', 'type-widened', target, `${subject(target, false)}: ${key} relaxed from ${b} to ${a ?? 'none'}`);
  }
  for (const key of LOWER_BOUNDS) {
    const [b, a] = [num(before[key]), num(after[key])];
    if (b === a) continue;
    if (a !== undefined && (b === undefined || a > b)) emit(ctx, 'breaking', 'type-narrowed', target, `${subject(target, false)}: ${key} tightened from ${b ?? 'none'} to ${a}`);
    else emit(ctx, 'feature', 'type-widened', target, `${subject(target, false)}: ${key} relaxed from ${b} to ${a ?? 'none'}`);
  }
  const [bp, ap] = [before.pattern, after.pattern];
  if (bp !== ap) {
    if (ap === undefined) emit(ctx, 'feature', 'type-widened', target, `${subject(target, false)}: pattern ${code(String(bp))} removed`);
    else emit(ctx, 'breaking', 'type-narrowed', target, `${subject(target, false)}: pattern ${bp === undefined ? 'added' : `changed from ${code(String(bp))}`} to ${code(String(ap))}`);
  }
}

function compareEnums(ctx: CompareContext, target: string, before: Schema, after: Schema, output: boolean): void {
  const [b, a] = [enumValues(before), enumValues(after)];
  if (b === undefined && a === undefined) return;
  const who = subject(target, output);
  if (b === undefined) {
    // An input that now accepts only listed values breaks callers; an output that now promises them does not.
    emit(ctx, output ? 'feature' : 'breaking', 'type-narrowed', target, `${who} now restricted to ${(a as unknown[]).map(literal).join(', ')}`);
    return;
  }
  if (a === undefined) {
    emit(ctx, output ? 'breaking' : 'feature', output ? 'response-field-type-changed' : 'type-widened', target, `${who} no longer restricted to a list of values`);
    return;
  }
  const key = (v: unknown) => JSON.stringify(v);
  const afterKeys = new Set(a.map(key));
  const beforeKeys = new Set(b.map(key));
  for (const value of b) if (!afterKeys.has(key(value))) emit(ctx, 'breaking', 'enum-value-removed', target, `${who}: enum value ${literal(value)} removed`);
  for (const value of a) if (!beforeKeys.has(key(value))) emit(ctx, 'feature', 'enum-value-added', target, `${who}: enum value ${literal(value)} added`);
}

function compareInputType(ctx: CompareContext, target: string, before: Schema, after: Schema): void {
  const [tb, ta] = [typeSet(ctx.before, before), typeSet(ctx.after, after)];
  const narrowed = tb === undefined ? ta !== undefined : [...tb].some((t) => !accepts(ta, t));
  const widened = ta === undefined ? tb !== undefined : [...ta].some((t) => !accepts(tb, t));
  const change = `from ${code(describeTypes(tb))} to ${code(describeTypes(ta))}`;
  if (narrowed && widened) emit(ctx, 'breaking', 'type-changed', target, `${subject(target, false)}: type changed ${change}`);
  else if (narrowed) emit(ctx, 'breaking', 'type-narrowed', target, `${subject(target, false)}: type narrowed ${change}`);
  else if (widened) emit(ctx, 'feature', 'type-widened', target, `${subject(target, false)}: type widened ${change}`);
}

/** Compares one input (a parameter or a request-body property, recursively into objects and arrays). */
export function compareInput(ctx: CompareContext, target: string, beforeRaw: unknown, afterRaw: unknown, depth = 0): void {
  const before = schemaAt(ctx.before, beforeRaw);
  const after = schemaAt(ctx.after, afterRaw);
  compareInputType(ctx, target, before, after);
  compareEnums(ctx, target, before, after, false);
  compareConstraints(ctx, target, before, after);
  if (depth >= MAX_DEPTH) return;
  const [vb, va] = [objectView(ctx.before, before), objectView(ctx.after, after)];
  const hasProperties = Object.keys(vb.properties).length > 0 && Object.keys(va.properties).length > 0;
  if (hasProperties) {
    const [rb, ra] = [new Set(vb.required), new Set(va.required)];
    for (const name of Object.keys(vb.properties)) {
      const child = `${target}.${name}`;
      if (!(name in va.properties)) emit(ctx, 'breaking', 'parameter-removed', child, `${subject(child, false)} removed`);
      else {
        if (!rb.has(name) && ra.has(name)) emit(ctx, 'breaking', 'parameter-required', child, `${subject(child, false)} is now required`);
        if (rb.has(name) && !ra.has(name)) emit(ctx, 'feature', 'parameter-optional', child, `${subject(child, false)} is no longer required`);
        compareInput(ctx, child, vb.properties[name], va.properties[name], depth + 1);
      }
    }
    for (const name of Object.keys(va.properties)) {
      if (name in vb.properties) continue;
      const child = `${target}.${name}`;
      if (ra.has(name)) emit(ctx, 'breaking', 'parameter-added', child, `required ${subject(child, false)} added`);
      else emit(ctx, 'feature', 'parameter-added', child, `optional ${subject(child, false)} added`);
    }
  }
  const [ib, ia] = [itemsOf(ctx.before, before), itemsOf(ctx.after, after)];
  if (ib !== undefined && ia !== undefined) compareInput(ctx, `${target}[]`, ib, ia, depth + 1);
  const [mb, ma] = [mapValuesOf(ctx.before, before), mapValuesOf(ctx.after, after)];
  if (mb !== undefined && ma !== undefined) compareInput(ctx, `${target}.*`, mb, ma, depth + 1);
}

/** Compares one output: the response body (target '') or a field of it, recursively. */
export function compareOutput(ctx: CompareContext, target: string, beforeRaw: unknown, afterRaw: unknown, depth = 0): void {
  const before = schemaAt(ctx.before, beforeRaw);
  const after = schemaAt(ctx.after, afterRaw);
  const [tb, ta] = [typeSet(ctx.before, before), typeSet(ctx.after, after)];
  const who = subject(target, true);
  const kind: ChangeKind = target === '' ? 'response-changed' : 'response-field-type-changed';
  if (tb === undefined && ta !== undefined) {
    // Something untyped became typed: callers reading `unknown` are not broken.
    const fields = Object.keys(objectView(ctx.after, after).properties).length;
    emit(ctx, 'feature', kind, target, `${who} is now typed as ${code(describeTypes(ta))}${fields > 0 ? ` with ${fields} field${fields === 1 ? '' : 's'}` : ''}`);
    return;
  }
  if (tb !== undefined && ta === undefined) {
    emit(ctx, 'breaking', kind, target, `${who} is no longer typed (was ${code(describeTypes(tb))})`);
    return;
  }
  if (describeTypes(tb) !== describeTypes(ta)) {
    emit(ctx, 'breaking', kind, target, `${who}: type changed from ${code(describeTypes(tb))} to ${code(describeTypes(ta))}`);
    return;
  }
  compareEnums(ctx, target, before, after, true);
  if (depth >= MAX_DEPTH) return;
  const [vb, va] = [objectView(ctx.before, before), objectView(ctx.after, after)];
  const join = (name: string) => (target === '' ? name : `${target}.${name}`);
  for (const name of Object.keys(vb.properties)) {
    const child = join(name);
    if (!(name in va.properties)) emit(ctx, 'breaking', 'response-field-removed', child, `${subject(child, true)} removed`);
    else compareOutput(ctx, child, vb.properties[name], va.properties[name], depth + 1);
  }
  for (const name of Object.keys(va.properties)) {
    if (!(name in vb.properties)) emit(ctx, 'feature', 'response-field-added', join(name), `${subject(join(name), true)} added`);
  }
  const [ib, ia] = [itemsOf(ctx.before, before), itemsOf(ctx.after, after)];
  if (ib !== undefined && ia !== undefined) compareOutput(ctx, `${target}[]`, ib, ia, depth + 1);
  const [mb, ma] = [mapValuesOf(ctx.before, before), mapValuesOf(ctx.after, after)];
  if (mb !== undefined && ma !== undefined) compareOutput(ctx, join('*'), mb, ma, depth + 1);
}
