import type { OperationRules, SchemaRule } from './catalog-types.js';

/**
 * The checks HostBill makes before it acts: required parameters, types, enums, patterns and the
 * JSON body's shape. Path and query values arrive as text, so they are read as PHP reads them
 * ("12" is an integer, "1"/"0" a boolean); JSON body values must have their JSON type, as a
 * schema validator (Prism) demands. Each problem is one message naming the parameter.
 */

export interface RequestInput {
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** The request's headers by lower-case name (what `Headers` gives); absent: none checked as sent. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The parsed JSON body; `undefined` when there was none. */
  readonly body: unknown;
}

const SECRET = /pass|secret|token/i;

/** The value for a message: short, and never a credential (a mistyped password must not reach a test log). */
const describe = (value: unknown, at = ''): string => {
  if (SECRET.test(at)) return '***';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN_TEXT = new Set(['1', '0', 'true', 'false']);

const patterns = new Map<string, RegExp | undefined>();
function compiled(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      try {
        re = new RegExp(pattern);
      } catch {
        re = undefined; // a pattern JavaScript cannot read checks nothing
      }
    }
    patterns.set(pattern, re);
  }
  return patterns.get(pattern);
}

function typeOk(type: string, value: unknown, text: boolean): boolean {
  switch (type) {
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (text && typeof value === 'string' && INTEGER.test(value));
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (text && typeof value === 'string' && NUMBER.test(value));
    case 'boolean':
      return typeof value === 'boolean' || (text && typeof value === 'string' && BOOLEAN_TEXT.has(value));
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** The first problem with `value` at `at`, or `undefined`. `text`: the value came from a path or query string. */
export function checkValue(schema: SchemaRule, value: unknown, at: string, text = false): string | undefined {
  if (value === null && (schema.nullable || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')))) return undefined;
  if (schema.anyOf && !schema.anyOf.some((variant) => checkValue(variant, value, at, text) === undefined)) {
    return checkValue(schema.anyOf[0] as SchemaRule, value, at, text) ?? `${at}: ${describe(value, at)} fits none of the allowed forms`;
  }
  for (const part of schema.allOf ?? []) {
    const problem = checkValue(part, value, at, text);
    if (problem) return problem;
  }
  // Text holds one value where PHP would take a list of one.
  if (text && typeof value === 'string' && schema.type === 'array') return checkValue(schema, [value], at, text);
  const types = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types.length > 0 && !types.some((t) => typeOk(t, value, text))) return `${at}: expected ${types.join(' or ')}, got ${describe(value, at)}`;
  if (schema.enum && !schema.enum.some((allowed) => allowed === value || (text && String(allowed) === String(value)))) {
    return `${at}: ${describe(value, at)} is not one of ${schema.enum.map((v) => describe(v)).join(', ')}`;
  }
  if (typeof value === 'string') {
    const re = schema.pattern === undefined ? undefined : compiled(schema.pattern);
    if (re && !re.test(value)) return `${at}: ${describe(value, at)} does not match the pattern ${schema.pattern}`;
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${at}: shorter than ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${at}: longer than ${schema.maxLength} characters`;
  }
  const number = typeof value === 'number' ? value : text && typeof value === 'string' && NUMBER.test(value) ? Number(value) : undefined;
  if (number !== undefined && schema.minimum !== undefined && number < schema.minimum) return `${at}: below the minimum ${schema.minimum}`;
  if (number !== undefined && schema.maximum !== undefined && number > schema.maximum) return `${at}: above the maximum ${schema.maximum}`;
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = checkValue(schema.items, value[i], `${at}[${i}]`, text);
      if (problem) return problem;
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return checkObject(schema, value as Record<string, unknown>, at, text);
  return undefined;
}

function checkObject(schema: SchemaRule, value: Record<string, unknown>, at: string, text: boolean): string | undefined {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) return `${at}.${name}: required`;
  }
  const extra = schema.additionalProperties;
  for (const [name, item] of Object.entries(value)) {
    const rule = schema.properties?.[name];
    if (rule) {
      const problem = checkValue(rule, item, `${at}.${name}`, text);
      if (problem) return problem;
    } else if (extra === false) {
      return `${at}.${name}: not an accepted field`;
    } else if (extra && typeof extra === 'object') {
      const problem = checkValue(extra, item, `${at}.${name}`, text);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Every problem with a request, in parameter order; empty when the operation accepts it. */
export function checkRequest(rules: OperationRules | undefined, input: RequestInput): string[] {
  const problems: string[] = [];
  const body = input.body;
  const bodyObject = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  for (const param of rules?.params ?? []) {
    const value = param.in === 'path' ? input.path[param.name] : param.in === 'query' ? input.query[param.name] : param.in === 'header' ? input.headers?.[param.name.toLowerCase()] : bodyObject?.[param.name];
    if (value === undefined || (param.in !== 'body' && value === '')) {
      if (param.required) problems.push(`${param.name}: required`);
      continue;
    }
    const problem = param.schema ? checkValue(param.schema, value, param.name, param.in !== 'body') : undefined;
    if (problem) problems.push(problem);
  }
  const fields = rules?.params?.some((p) => p.in === 'body');
  if (fields && body !== undefined && !bodyObject) problems.push(`body: expected a JSON object, got ${describe(body)}`);
  if (rules?.body && body !== undefined) {
    const problem = checkValue(rules.body, body, 'body');
    if (problem) problems.push(problem);
  }
  if (rules?.bodyRequired && body === undefined) problems.push('body: required');
  return problems;
}
