import { splitTemplate } from '../runtime/internal/build-request.js';
import type { OperationSpec } from '../runtime/types.js';

/**
 * Finds the operation a request is for, from the package's `operations` table: the method and the
 * path template (`{name}` placeholders). Where templates overlap (`/category/available/vps` beside
 * `/category/{id}/product`), the one with more literal segments, earlier, wins, as a router would.
 * Fixed `name=value` pairs after the path (`/#Action=AssumeRole`, `/services?funcs=List`) must be in
 * the request's query or headers (`/#X-Amz-Target=Service.Op` names a header parameter), and a
 * template with more of them wins: that is how such documents tell operations on one path apart.
 */

export interface Route {
  /** The operation's key in the `operations` table. */
  readonly key: string;
  readonly op: OperationSpec;
  /** Path parameter values, decoded. */
  readonly path: Readonly<Record<string, string>>;
}

export type Match = { readonly route: Route } | { readonly wrongMethod: true } | undefined;

interface Entry {
  readonly key: string;
  readonly op: OperationSpec;
  readonly segments: readonly string[];
  /** Placeholder name per segment, `undefined` for a literal one. */
  readonly names: readonly (string | undefined)[];
  /** `name=value` pairs the request's query or headers must hold. */
  readonly fixed: readonly (readonly [string, string])[];
  /** `name={placeholder}` pairs after the path: the placeholder's value is the query's. */
  readonly fromQuery: readonly (readonly [string, string])[];
  /** Higher for more fixed query pairs, then for more literal segments and for literals nearer the start. */
  readonly rank: number;
}

const split = (path: string): string[] => path.split('/').filter(Boolean);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The `name=value` pairs of a template's query and fragment that hold no placeholder, and the `name={placeholder}` ones. */
function queryPairs(template: string): { fixed: [string, string][]; fromQuery: [string, string][] } {
  const fragment = template.includes('#') ? template.slice(template.indexOf('#') + 1) : '';
  const pairs = [...splitTemplate(template).query, ...(fragment.includes('=') ? new URLSearchParams(fragment) : [])];
  const fixed = pairs.filter(([name, value]) => name !== '' && !/[{}]/.test(name + value));
  const fromQuery = pairs.flatMap(([name, value]): [string, string][] => {
    const placeholder = /^\{([^}]+)\}$/.exec(value)?.[1];
    return placeholder === undefined ? [] : [[name, placeholder]];
  });
  return { fixed, fromQuery };
}

export function createRouter(operations: Readonly<Record<string, OperationSpec>>): (method: string, pathname: string, query?: URLSearchParams, headers?: Headers) => Match {
  const entries: Entry[] = Object.entries(operations).map(([key, op]) => {
    const segments = split(splitTemplate(op.path).path);
    const names = segments.map((s) => /^\{([^}]+)\}$/.exec(s)?.[1]);
    const { fixed, fromQuery } = queryPairs(op.path);
    const rank = names.reduce((sum, name, i) => sum + (name === undefined ? 2 ** (segments.length - i) : 0), 0) + fixed.length * 2 ** (segments.length + 1);
    return { key, op, segments, names, fixed, fromQuery, rank };
  });
  return (method, pathname, query = new URLSearchParams(), headers) => {
    const parts = split(pathname);
    let best: Entry | undefined;
    let pathOnly = false;
    for (const entry of entries) {
      if (entry.segments.length !== parts.length) continue;
      if (!entry.segments.every((s, i) => entry.names[i] !== undefined || s === parts[i])) continue;
      if (!entry.fixed.every(([name, value]) => query.getAll(name).includes(value) || headers?.get(name) === value)) continue;
      if (entry.op.method !== method.toUpperCase()) {
        pathOnly = true;
        continue;
      }
      if (!best || entry.rank > best.rank) best = entry;
    }
    if (!best) return pathOnly ? { wrongMethod: true } : undefined;
    const path: Record<string, string> = {};
    best.names.forEach((name, i) => {
      if (name !== undefined) path[name] = decode(parts[i] as string);
    });
    for (const [name, placeholder] of best.fromQuery) {
      const value = query.get(name);
      if (value !== null) path[placeholder] = value;
    }
    return { route: { key: best.key, op: best.op, path } };
  };
}
