import type { OperationSpec } from '../runtime/types.js';

/**
 * Finds the operation a request is for, from the package's `operations` table: the method and the
 * path template (`{name}` placeholders). Where templates overlap (`/category/available/vps` beside
 * `/category/{id}/product`), the one with more literal segments, earlier, wins, as a router would.
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
  /** Higher for more literal segments and for literals nearer the start. */
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

export function createRouter(operations: Readonly<Record<string, OperationSpec>>): (method: string, pathname: string) => Match {
  const entries: Entry[] = Object.entries(operations).map(([key, op]) => {
    const segments = split(op.path);
    const names = segments.map((s) => /^\{([^}]+)\}$/.exec(s)?.[1]);
    const rank = names.reduce((sum, name, i) => sum + (name === undefined ? 2 ** (segments.length - i) : 0), 0);
    return { key, op, segments, names, rank };
  });
  return (method, pathname) => {
    const parts = split(pathname);
    let best: Entry | undefined;
    let pathOnly = false;
    for (const entry of entries) {
      if (entry.segments.length !== parts.length) continue;
      if (!entry.segments.every((s, i) => entry.names[i] !== undefined || s === parts[i])) continue;
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
    return { route: { key: best.key, op: best.op, path } };
  };
}
