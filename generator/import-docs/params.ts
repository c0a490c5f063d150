import { routeSegments } from '../naming/index.ts';
import type { ImportNote } from './errors.ts';
import type { TableRow } from './layouts.ts';
import type { SampleBody } from './samples.ts';
import { sampleValueSchema, type JsonSchema, mapTableType, mergeSchemas, openObjects, type ParamType, paramTypeForSchema, schemaKind } from './types.ts';

/**
 * Turns an operation's table rows, path placeholders and sample bodies into Swagger 2.0
 * parameters in the HostBill shape: placeholders `in: path`, every other field `in: query`
 * (POST/PUT too; the pipeline moves those into a JSON body later).
 */

export interface SwaggerParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly description?: string;
  readonly required?: boolean;
  readonly type: ParamType['type'];
  readonly items?: { readonly type: string; readonly enum?: readonly string[] };
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly 'x-schema'?: JsonSchema;
}

export interface OperationInput {
  readonly method: string;
  readonly path: string;
  /** 1-based line of the request line. */
  readonly line: number;
  readonly rows: readonly TableRow[];
  readonly bodies: readonly SampleBody[];
  /** The operation's description (for "Format of ''x'' parameter" blocks). */
  readonly description: string;
  /** 1-based line where the description starts. */
  readonly descriptionLine: number;
}

/** Types of placeholders as tables elsewhere on the page give them, and every placeholder name seen. */
export interface PageContext {
  readonly placeholderTypes: ReadonlyMap<string, string>;
}

export function placeholders(path: string): string[] {
  return routeSegments(path)
    .filter((s) => !s.literal)
    .map((s) => s.text);
}

export function buildPageContext(ops: readonly { path: string; rows: readonly TableRow[] }[]): PageContext {
  const placeholderTypes = new Map<string, string>();
  for (const op of ops) {
    const names = new Set(placeholders(op.path));
    for (const row of op.rows) {
      if (row.name !== null && names.has(row.name) && !placeholderTypes.has(row.name)) placeholderTypes.set(row.name, row.type);
    }
  }
  return { placeholderTypes };
}

interface BodyField {
  readonly key: string;
  readonly line: number;
  readonly values: readonly unknown[];
}

const ID_LIKE = /^(?:id|.+_id|number|index)$/;

function bodyFields(op: OperationInput, notes: ImportNote[]): BodyField[] {
  const fields = new Map<string, { key: string; line: number; values: unknown[] }>();
  for (const body of op.bodies) {
    if (body.value === undefined) {
      notes.push({ line: body.line, message: `${op.method} ${op.path}: the sample body is not valid JSON (${body.error}); its fields were not used` });
      continue;
    }
    for (const [raw, value] of Object.entries(body.value)) {
      const key = raw.trim();
      if (key !== raw) {
        notes.push({ line: body.line, message: `${op.method} ${op.path}: sample body key ${JSON.stringify(raw)} has stray spaces; used ${JSON.stringify(key)}` });
      }
      const field = fields.get(key) ?? { key, line: body.line, values: [] };
      field.values.push(value);
      fields.set(key, field);
    }
  }
  return [...fields.values()];
}

function wordIn(word: string, text: string): boolean {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word.toLowerCase());
}

function describe(op: OperationInput): string {
  return `${op.method} ${op.path}`;
}

/** The `{…}` block after "Format of ''name'' parameter" in a description: a map of scalars or scalar maps. */
export function formatBlockSchema(description: string, name: string): JsonSchema | undefined {
  const at = new RegExp(`Format of ''${name}'' pa\\w*ter`).exec(description);
  if (at === null) return undefined;
  const rest = description.slice(at.index + at[0].length);
  const open = rest.indexOf('{');
  if (open < 0) return undefined;
  let depth = 0;
  let scalar = false;
  let nested = false;
  for (const rawLine of rest.slice(open).split('\n')) {
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    if (depth === 1 && /^"[^"]*"\s*:\s*"[^"]*",?$/.test(line)) scalar = true;
    if (depth === 1 && /^"[^"]*"\s*:\s*\{/.test(line)) nested = true;
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth <= 0) break;
  }
  const scalarSchema = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const variants: JsonSchema[] = [];
  if (scalar) variants.push({ type: 'string' }, { type: 'integer' });
  if (nested) variants.push({ type: 'object', additionalProperties: scalarSchema });
  if (variants.length === 0) return undefined;
  return { type: 'object', additionalProperties: variants.length === 1 ? variants[0] : { oneOf: variants } };
}

const REQUIRED = /\bRequired\b(?!\s+(?:for|if|when|on|by)\b)|\(required\)/;
const CONDITIONAL = /\brequired\s+(?:for|if|when)\b/i;
const MAP_DESCRIPTION = /\bas (?:the )?(?:parameter )?key\b.*\bas value\b/i;

export function buildParameters(op: OperationInput, page: PageContext, notes: ImportNote[]): SwaggerParameter[] {
  const holes = placeholders(op.path);
  const fields = bodyFields(op, notes);
  const fieldKeys = new Set(fields.map((f) => f.key));

  // Rows with a lost name cell take the sample body keys no row names, in order.
  const named = new Set(op.rows.flatMap((r) => (r.name === null ? [] : [r.name])));
  const spare = fields.map((f) => f.key).filter((k) => !named.has(k) && !holes.includes(k));
  const rows: (TableRow & { name: string })[] = [];
  for (const row of op.rows) {
    if (row.name !== null) {
      rows.push(row as TableRow & { name: string });
      continue;
    }
    const recovered = spare.shift() ?? (/\be-?mail\b/i.test(row.description) ? 'email' : undefined);
    if (recovered === undefined) {
      notes.push({ line: row.line, message: `${describe(op)}: a ${row.type} row lost its name cell (${JSON.stringify(row.description)}) and no sample body key is left to name it; row dropped` });
      continue;
    }
    const source = fieldKeys.has(recovered) ? 'the sample body' : 'its description';
    notes.push({ line: row.line, message: `${describe(op)}: row ${JSON.stringify(row.description)} has no name cell; named it ${JSON.stringify(recovered)} from ${source}` });
    rows.push({ ...row, name: recovered });
  }

  // Duplicates: keep the first.
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    if (seen.has(r.name)) {
      notes.push({ line: r.line, message: `${describe(op)}: parameter ${r.name} is listed twice; kept the first` });
      return false;
    }
    seen.add(r.name);
    return true;
  });

  // Placeholders missing from the table: a row the path and the body do not explain, named like
  // the placeholder (`tld_id` for @id) or describing it ("Recod index" for @index), stands for it.
  const pathRows = new Map<string, TableRow & { name: string }>();
  for (const r of unique) if (holes.includes(r.name)) pathRows.set(r.name, r);
  const renamed = new Set<string>();
  for (const hole of holes) {
    if (pathRows.has(hole)) continue;
    const candidates = unique.filter(
      (r) => !holes.includes(r.name) && !fieldKeys.has(r.name) && !renamed.has(r.name) && (r.name.endsWith(`_${hole}`) || wordIn(hole, r.description)),
    );
    if (candidates.length === 1) {
      const row = candidates[0] as TableRow & { name: string };
      renamed.add(row.name);
      pathRows.set(hole, { ...row, name: hole });
      notes.push({
        line: row.line,
        message: `${describe(op)} lists ${row.name}, not ${hole}; used it as the path parameter ${hole} (rule: the one row neither in the path nor in the sample body whose name ends in _${hole} or whose description names "${hole}")`,
      });
      continue;
    }
    const written = page.placeholderTypes.get(hole);
    const type = written ?? (ID_LIKE.test(hole) ? 'int' : 'string');
    const why = written !== undefined ? 'as other tables on the page type it' : ID_LIKE.test(hole) ? 'its name reads as an id' : 'no table types it';
    const ambiguity = candidates.length > 1 ? ` (rows ${candidates.map((c) => c.name).join(', ')} could each stand for it; none used)` : '';
    notes.push({ line: op.line, message: `${describe(op)}: placeholder @${hole} is not in the parameter table; added as a path parameter of type ${mapTableType(type)?.type ?? 'string'} (${why})${ambiguity}` });
    pathRows.set(hole, { line: op.line, name: hole, type, description: '' });
  }

  const out: SwaggerParameter[] = [];
  for (const hole of holes) out.push(parameter(op, pathRows.get(hole) as TableRow & { name: string }, 'path', fields, notes));
  for (const row of unique) {
    if (holes.includes(row.name) || renamed.has(row.name)) continue;
    if (page.placeholderTypes.has(row.name) && (op.method === 'GET' || op.method === 'DELETE')) {
      notes.push({ line: row.line, message: `${describe(op)} lists ${row.name}, which is a path placeholder elsewhere on the page but not in this path; kept as a query parameter` });
    }
    out.push(parameter(op, row, 'query', fields, notes));
  }
  for (const field of fields) {
    if (holes.includes(field.key) || unique.some((r) => r.name === field.key)) continue;
    const schema = mergeSchemas(field.values.map(sampleValueSchema));
    const type = paramTypeForSchema(schema);
    notes.push({ line: field.line, message: `${describe(op)}: sample body field ${field.key} is not in the parameter table; added as a query parameter of type ${type.type} (from the sample value)` });
    out.push(withType({ name: field.key, in: 'query' }, type));
  }
  return out;
}

function withType(base: { name: string; in: 'path' | 'query'; description?: string; required?: boolean }, type: ParamType, extra: { enum?: readonly string[]; pattern?: string } = {}): SwaggerParameter {
  const enumOnItems = type.type === 'array' && extra.enum !== undefined;
  return {
    ...base,
    type: type.type,
    ...(type.items ? { items: { ...type.items, ...(enumOnItems ? { enum: extra.enum } : {}) } } : {}),
    ...(extra.enum !== undefined && !enumOnItems ? { enum: extra.enum } : {}),
    ...(extra.pattern !== undefined ? { pattern: extra.pattern } : {}),
    ...(type.xSchema ? { 'x-schema': type.xSchema } : {}),
  };
}

function parameter(op: OperationInput, row: TableRow & { name: string }, where: 'path' | 'query', fields: readonly BodyField[], notes: ImportNote[]): SwaggerParameter {
  let type = mapTableType(row.type);
  if (type === undefined) {
    notes.push({ line: row.line, message: `${describe(op)}: parameter ${row.name} has unknown type ${JSON.stringify(row.type)}; used string` });
    type = { type: 'string' };
  }
  if (row.split) {
    notes.push({ line: row.line, message: `${describe(op)}: row ${row.name} is split over three lines; read its type ${row.type} from the description cell` });
  }
  const field = fields.find((f) => f.key === row.name);
  if (where === 'query') type = refineType(op, row, type, field, notes);

  const description = row.description;
  if (row.truncated) {
    notes.push({ line: row.line, message: `${describe(op)}: description of ${row.name} ends mid-sentence (${JSON.stringify(description)}); inline code was lost` });
  }
  let enumValues: readonly string[] | undefined;
  if (row.enumValues !== undefined) {
    if (row.enumValues.length === 0) notes.push({ line: row.line, message: `${describe(op)}: "Available values" of ${row.name} were lost; no enum` });
    else enumValues = row.enumValues;
  }
  let pattern: string | undefined;
  if (row.pattern !== undefined) {
    if (row.pattern === '') notes.push({ line: row.line, message: `${describe(op)}: "Value pattern" of ${row.name} was lost; no pattern` });
    else pattern = row.pattern;
  }
  let required: boolean | undefined = where === 'path' ? true : undefined;
  if (where === 'query' && REQUIRED.test(description)) required = true;
  else if (where === 'query' && CONDITIONAL.test(description)) {
    notes.push({ line: row.line, message: `${describe(op)}: ${row.name} is only conditionally required (${JSON.stringify(description)}); not marked required` });
  }
  return withType(
    { name: row.name, in: where, ...(description !== '' ? { description } : {}), ...(required ? { required } : {}) },
    type,
    { ...(enumValues ? { enum: enumValues } : {}), ...(pattern !== undefined ? { pattern } : {}) },
  );
}

/**
 * Where the page shows more than the table type: alternative sample bodies disagreeing on a
 * field's JSON type (a `oneOf`), a structured sample value for an `array` field, a
 * "key … value" description (a string map), or a "Format of ''name'' parameter" block.
 */
function refineType(op: OperationInput, row: TableRow & { name: string }, type: ParamType, field: BodyField | undefined, notes: ImportNote[]): ParamType {
  const fromBlock = formatBlockSchema(op.description, row.name);
  if (fromBlock !== undefined) {
    notes.push({ line: op.descriptionLine, message: `${describe(op)}: x-schema of ${row.name} taken from the "Format of ''${row.name}'' parameter" block in the description` });
    return { ...type, xSchema: fromBlock };
  }
  if (MAP_DESCRIPTION.test(row.description)) {
    notes.push({ line: row.line, message: `${describe(op)}: ${row.name} is described as a key/value map; x-schema is an object of strings` });
    return { ...type, xSchema: { type: 'object', additionalProperties: { type: 'string' } } };
  }
  if (field === undefined) return type;
  const schemas = field.values.map(sampleValueSchema);
  const kinds = [...new Set(schemas.map(schemaKind))];
  if (kinds.length > 1) {
    notes.push({ line: field.line, message: `${describe(op)}: ${row.name} is ${kinds.join(' in one sample body and ')} in another; x-schema is a oneOf` });
    return { ...type, xSchema: { oneOf: dedupe([...(type.xSchema ? [type.xSchema] : [schemaOfType(type)]), ...schemas.map(openObjects)]) } };
  }
  const structured = schemas.find((s) => s['type'] === 'object' || (s['type'] === 'array' && JSON.stringify(s['items']).includes('"object"')));
  if (structured !== undefined && type.type === 'array') {
    notes.push({ line: field.line, message: `${describe(op)}: ${row.name} is typed array but the sample sends ${structured['type'] === 'object' ? 'an object' : 'an array of objects'}; x-schema inferred from the sample` });
    return { ...type, xSchema: openObjects(mergeSchemas(schemas)) };
  }
  return type;
}

function schemaOfType(type: ParamType): JsonSchema {
  return type.items ? { type: type.type, items: { ...type.items } } : { type: type.type };
}

function dedupe(schemas: readonly JsonSchema[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of schemas) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(s))) out.push(s);
  return out;
}
