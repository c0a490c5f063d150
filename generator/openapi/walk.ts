/** Walking a whole document without recursion (documents may nest deeply or be large). */
import { pointer } from './pointer.ts';

export interface WalkedValue {
  readonly value: unknown;
  /** The key or index under which the value stands (undefined for the root). */
  readonly key?: string | number;
  readonly path: readonly (string | number)[];
}

/**
 * The pointer of the first value, in document order, for which `test` is true, or undefined.
 * Iterative: the depth of the document costs heap, not stack.
 */
export function findPointer(root: unknown, test: (visited: WalkedValue) => boolean): string | undefined {
  const stack: WalkedValue[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const visited = stack.pop() as WalkedValue;
    if (test(visited)) return pointer(...visited.path);
    const { value, path } = visited;
    if (typeof value !== 'object' || value === null) continue;
    const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i] as [string | number, unknown];
      stack.push({ value: child, key, path: [...path, key] });
    }
  }
  return undefined;
}

/** A string that is not well-formed UTF-16 (a lone surrogate): no URI, file or JSON encoder can write it faithfully. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
