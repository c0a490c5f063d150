/**
 * Reads a query string as the runtime writes it, in either style (runtime/internal/query.ts): PHP's
 * `a[]=1&a[]=2` is a list, `o[k]=v` an object, `a[0][k]=v` a list of objects; OpenAPI's `form` repeats a
 * plain name for a list, `a=1&a=2` (PHP would keep the last; the runtime never repeats a plain name in
 * `php` style), and an object the operation spreads arrives as names of its own, gathered back here.
 * Values stay strings; the checks coerce them as the server would.
 */

import { DELIMITERS, type QueryJoin } from '../runtime/internal/query.js';

type Node = Record<string, unknown> | unknown[];

const MAX_DEPTH = 8;
/** Names that would reach an object's prototype: dropped. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const NAME = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/**
 * `joined`: the operation's `queryStyles`: lists sent as one delimited value are split back into
 * lists (into objects for the names in `objects`, from their keys and values in turn), and an object
 * sent `spread` gets back the members that are none of the operation's other query parameters
 * (`declared`).
 */
export function parseQuery(search: URLSearchParams, joined?: Readonly<Record<string, QueryJoin>>, declared: readonly string[] = [], objects: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of search) {
    const match = NAME.exec(name);
    const keys = match ? [match[1] as string, ...[...(match[2] as string).matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string)] : [name];
    if (keys.length > MAX_DEPTH || keys.some((k) => UNSAFE_KEYS.has(k))) continue;
    const seen = keys.length === 1 && Object.hasOwn(out, name) ? out[name] : undefined;
    if (typeof seen === 'string' || Array.isArray(seen)) out[name] = [...(Array.isArray(seen) ? seen : [seen]), value];
    else set(out, keys, value);
  }
  for (const [name, kind] of Object.entries(joined ?? {})) {
    if (kind === 'spread') {
      const members = Object.entries(out).filter(([key]) => !declared.includes(key));
      if (members.length === 0) continue;
      for (const [key] of members) delete out[key];
      out[name] = Object.fromEntries(members);
      continue;
    }
    const value = Object.hasOwn(out, name) ? out[name] : undefined;
    if (typeof value !== 'string') continue;
    const items = value === '' ? [] : value.split(DELIMITERS[kind]);
    out[name] = objects.includes(name) ? pairs(items) : items;
  }
  return out;
}

/** `['R', '100', 'G', '200']` → `{ R: '100', G: '200' }`; names that would reach a prototype are dropped, a key without a value is `''`. */
function pairs(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < items.length; i += 2) {
    const key = items[i] as string;
    if (UNSAFE_KEYS.has(key)) continue;
    out[key] = items[i + 1] ?? '';
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
