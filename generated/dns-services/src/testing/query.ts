/**
 * Reads a query string as the runtime writes it, in either style (runtime/internal/query.ts): PHP's
 * `a[]=1&a[]=2` is a list, `o[k]=v` an object, `a[0][k]=v` a list of objects; OpenAPI's `form` repeats a
 * plain name for a list, `a=1&a=2` (PHP would keep the last; the runtime never repeats a plain name in
 * `php` style). Values stay strings; the checks coerce them as the server would.
 */

import { DELIMITERS } from '../runtime/internal/query.js';

type Node = Record<string, unknown> | unknown[];

const MAX_DEPTH = 8;
const NAME = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** `joined`: the list parameters sent as one delimited value (the operation's `queryStyles`), split back into lists. */
export function parseQuery(search: URLSearchParams, joined?: Readonly<Record<string, keyof typeof DELIMITERS>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of search) {
    const match = NAME.exec(name);
    const keys = match ? [match[1] as string, ...[...(match[2] as string).matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)] : [name];
    if (keys.length > MAX_DEPTH || keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) continue;
    const seen = keys.length === 1 && Object.hasOwn(out, name) ? out[name] : undefined;
    if (typeof seen === 'string' || Array.isArray(seen)) out[name] = [...(Array.isArray(seen) ? seen : [seen]), value];
    else set(out, keys, value);
  }
  for (const [name, kind] of Object.entries(joined ?? {})) {
    const value = Object.hasOwn(out, name) ? out[name] : undefined;
    if (typeof value === 'string') out[name] = value === '' ? [] : value.split(DELIMITERS[kind]);
  }
  return out;
}

function set(root: Node, keys: readonly string[], value: string): void {
  let node: Node = root;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const next = keys[i + 1];
    const slot = Array.isArray(node) ? (key === '' ? node.length : Number(key)) : key;
    if (Array.isArray(node) && !Number.isInteger(slot)) return; // `a[]=1&a[x]=2`: PHP would make a map; keep the list
    const current = (node as Record<string | number, unknown>)[slot];
    if (last) {
      (node as Record<string | number, unknown>)[slot] = value;
      return;
    }
    const child: Node =
      current !== null && typeof current === 'object' ? (current as Node) : next === '' || /^\d+$/.test(next ?? '') ? [] : {};
    (node as Record<string | number, unknown>)[slot] = child;
    node = child;
  });
}
