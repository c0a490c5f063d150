/**
 * The API diff: (before, after) normalised OpenAPI documents → the list of changes, each classified
 * as breaking, non-breaking (feature) or documentation. Pure: no files, no git.
 */
import { code, SEVERITIES, type Change } from './change.ts';
import { hasNames, renameChange, type NamesPair } from './diff-names.ts';
import { indexOperations, objectView, resolvePointer, schemaAt, type PlainDocument, type OperationFacts, type ParameterFacts } from './openapi-index.ts';
import { compareInput, compareOutput, type CompareContext } from './schema-compare.ts';

/** JSON with object keys sorted, so key order alone is never a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A copy of `value` with local `$ref`s replaced by what they point to (a cycle becomes `{ $ref }`), so moving a schema into components is no change. */
export function inlineRefs(doc: PlainDocument, value: unknown, trail: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => inlineRefs(doc, v, trail));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.$ref === 'string') {
    if (trail.includes(obj.$ref) || trail.length > 32) return { $ref: obj.$ref };
    const target = resolvePointer(doc, obj.$ref);
    return target === undefined ? obj : inlineRefs(doc, target, [...trail, obj.$ref]);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineRefs(doc, v, trail)]));
}

function compareParameters(ctx: CompareContext, before: OperationFacts, after: OperationFacts): void {
  const removed: ParameterFacts[] = [];
  const added: ParameterFacts[] = [];
  for (const [name, b] of before.parameters) {
    const a = after.parameters.get(name);
    if (!a) {
      removed.push(b);
      continue;
    }
    if (b.in !== a.in) {
      ctx.emit({ severity: 'feature', kind: 'parameter-moved', operation: ctx.operation, target: name, message: `parameter ${code(name)} moved from ${b.in} to ${a.in}` });
    }
    if (!b.required && a.required) {
      ctx.emit({ severity: 'breaking', kind: 'parameter-required', operation: ctx.operation, target: name, message: `parameter ${code(name)} is now required` });
    }
    if (b.required && !a.required) {
      ctx.emit({ severity: 'feature', kind: 'parameter-optional', operation: ctx.operation, target: name, message: `parameter ${code(name)} is no longer required` });
    }
    compareInput(ctx, name, b.schema, a.schema);
  }
  for (const [name, a] of after.parameters) if (!before.parameters.has(name)) added.push(a);

  // One parameter gone and one new in the same place reads as a rename.
  const renames = new Map<ParameterFacts, ParameterFacts>();
  for (const location of new Set(removed.map((p) => p.in))) {
    const gone = removed.filter((p) => p.in === location);
    const fresh = added.filter((p) => p.in === location);
    if (gone.length === 1 && fresh.length === 1) renames.set(gone[0] as ParameterFacts, fresh[0] as ParameterFacts);
  }
  const renamedTo = new Set(renames.values());
  for (const p of removed) {
    const to = renames.get(p);
    if (to) {
      ctx.emit({ severity: 'breaking', kind: 'parameter-renamed', operation: ctx.operation, target: p.name, message: `parameter ${code(p.name)} renamed to ${code(to.name)} (${p.in})` });
    } else {
      ctx.emit({ severity: 'breaking', kind: 'parameter-removed', operation: ctx.operation, target: p.name, message: `parameter ${code(p.name)} removed (${p.in})` });
    }
  }
  for (const p of added) {
    if (renamedTo.has(p)) continue;
    ctx.emit(
      p.required
        ? { severity: 'breaking', kind: 'parameter-added', operation: ctx.operation, target: p.name, message: `required parameter ${code(p.name)} added (${p.in})` }
        : { severity: 'feature', kind: 'parameter-added', operation: ctx.operation, target: p.name, message: `optional parameter ${code(p.name)} added (${p.in})` },
    );
  }
}

function compareResponse(ctx: CompareContext, before: OperationFacts, after: OperationFacts): void {
  const [b, a] = [before.response, after.response];
  if (b.kind !== a.kind) {
    const describe = (r: typeof b) => {
      if (r.kind === 'none') return 'no body';
      if (r.kind === 'other') return r.mediaTypes.map(code).join(', ');
      const schema = schemaAt(r === b ? ctx.before : ctx.after, r.schema);
      const fields = Object.keys(objectView(r === b ? ctx.before : ctx.after, schema).properties).length;
      return `JSON${fields > 0 ? ` (${fields} top-level field${fields === 1 ? '' : 's'})` : ''}`;
    };
    // A response that gains a described body is new information; any other switch changes what callers receive.
    const severity = b.kind === 'none' ? 'feature' : 'breaking';
    ctx.emit({ severity, kind: 'response-changed', operation: ctx.operation, message: `response changed from ${describe(b)} to ${describe(a)}` });
    return;
  }
  if (b.kind === 'json') compareOutput(ctx, '', b.schema ?? {}, a.schema ?? {});
}

function compareOperation(ctx: CompareContext, before: OperationFacts, after: OperationFacts, names: NamesPair | undefined): void {
  if (before.operationId !== after.operationId) {
    ctx.emit({
      severity: 'breaking',
      kind: 'operation-id-changed',
      operation: ctx.operation,
      message: `operationId changed from ${code(String(before.operationId ?? '(none)'))} to ${code(String(after.operationId ?? '(none)'))} (the key of the exported \`operations\` table)`,
    });
  }
  const renamed = names ? renameChange(ctx.operation, names) : undefined;
  if (renamed) ctx.emit(renamed);
  if (!hasNames(names) && before.tag !== after.tag) {
    ctx.emit({
      severity: 'breaking',
      kind: 'group-changed',
      operation: ctx.operation,
      message: `moved from tag ${code(before.tag ?? '(none)')} to ${code(after.tag ?? '(none)')}, so its client group changes`,
    });
  }
  compareParameters(ctx, before, after);
  compareResponse(ctx, before, after);
}

function docsChanges(operation: string, before: OperationFacts, after: OperationFacts): Change[] {
  const fields: string[] = [];
  if (before.summary !== after.summary) fields.push('summary');
  if (before.description !== after.description) fields.push('description');
  const params = [...after.parameters.values()].filter((p) => {
    const b = before.parameters.get(p.name);
    return b !== undefined && b.description !== p.description;
  });
  if (params.length > 0) fields.push(`description of ${params.map((p) => code(p.name)).join(', ')}`);
  if (before.response.description !== after.response.description) fields.push('response description');
  return fields.length === 0 ? [] : [{ severity: 'docs', kind: 'docs-changed', operation, message: `${fields.join(', ')} changed` }];
}

function documentChanges(before: PlainDocument, after: PlainDocument, operationChanges: number): Change[] {
  const changes: Change[] = [];
  const info = (d: PlainDocument) => (d.info ?? {}) as Record<string, unknown>;
  const [vb, va] = [info(before).version, info(after).version];
  if (vb !== va) changes.push({ severity: 'docs', kind: 'docs-changed', message: `spec version changed from ${code(String(vb ?? '(none)'))} to ${code(String(va ?? '(none)'))}` });
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'paths' && k !== 'components').sort();
  for (const key of keys) {
    if (key === 'info') {
      const strip = (d: PlainDocument) => ({ ...info(d), version: undefined });
      if (stableJson(strip(before)) !== stableJson(strip(after))) changes.push({ severity: 'docs', kind: 'docs-changed', message: '`info` (title, description, contact) changed' });
    } else if (stableJson(before[key]) !== stableJson(after[key])) {
      changes.push({ severity: 'docs', kind: 'docs-changed', message: `${code(key)} changed` });
    }
  }
  // Component changes that matter surface on the operations using them; otherwise note them once.
  if (operationChanges === 0 && stableJson(before.components) !== stableJson(after.components)) {
    changes.push({ severity: 'docs', kind: 'docs-changed', message: '`components` changed (descriptions or unused schemas)' });
  }
  return changes;
}

function pathOrder(a: OperationFacts, b: OperationFacts): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
}

/**
 * Every change from `before` to `after`. An absent `before` (a new package) makes every operation
 * added; an absent `after` makes every operation removed. Changes come grouped by operation (sorted
 * by path, then method), document-level changes last. With both packages' `names.json` (`names`), a
 * changed group or method name is a rename, breaking unless the old name is kept as an alias.
 */
export function diffOpenApi(before: PlainDocument | undefined, after: PlainDocument | undefined, names?: NamesPair): Change[] {
  const [ib, ia] = [indexOperations(before), indexOperations(after)];
  const all = [...new Map([...ib, ...ia].map(([k]) => [k, (ia.get(k) ?? ib.get(k)) as OperationFacts])).values()].sort(pathOrder);
  const changes: Change[] = [];
  for (const facts of all) {
    const operation = facts.key;
    const [b, a] = [ib.get(operation), ia.get(operation)];
    if (!a) {
      changes.push({ severity: 'breaking', kind: 'operation-removed', operation, message: `operation removed${b?.operationId ? ` (${code(b.operationId)})` : ''}` });
      continue;
    }
    if (!b) {
      changes.push({ severity: 'feature', kind: 'operation-added', operation, message: `operation added${a.operationId ? ` (${code(a.operationId)})` : ''}` });
      continue;
    }
    const found: Change[] = [];
    compareOperation({ before: before as PlainDocument, after: after as PlainDocument, operation, emit: (c) => found.push(c) }, b, a, names);
    found.push(...docsChanges(operation, b, a));
    if (found.length === 0 && stableJson(inlineRefs(before as PlainDocument, b.raw)) !== stableJson(inlineRefs(after as PlainDocument, a.raw))) {
      found.push({ severity: 'docs', kind: 'docs-changed', operation, message: 'details changed (examples, formats or other documentation)' });
    }
    // Within an operation: breaking first, then features, then docs; emission order otherwise.
    found.sort((x, y) => SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity));
    changes.push(...found);
  }
  if (before && after) changes.push(...documentChanges(before, after, changes.length));
  return changes;
}
