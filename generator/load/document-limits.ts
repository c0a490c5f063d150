/**
 * Limits every loaded document must keep, checked once on the parsed value without recursion, so no
 * later stage (passes, swagger2openapi, ajv, openapi-typescript: all recursive) meets a document
 * that overflows its stack or a number that has no TypeScript literal.
 */
import { GeneratorError } from '../errors.ts';
import { pointer } from '../openapi/index.ts';

/** Nesting levels of objects and arrays. Real documents stay under 25 (GitHub's: 21); recursive stages overflow in the thousands. */
export const MAX_NESTING = 128;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly key?: string | number;
  readonly parent?: Visit;
}

/** The pointer of a visited value, built only for a diagnostic (keeping a path per value costs seconds on large documents). */
function pointerOf(visit: Visit): string {
  const tokens: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) tokens.unshift(v.key);
  return pointer(...tokens);
}

/** Fails on the first value nested deeper than MAX_NESTING or number that is not finite, naming its pointer. */
export function assertWithinLimits(value: unknown, file: string): void {
  const stack: Visit[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const node = visit.value;
    if (typeof node === 'number' && !Number.isFinite(node)) {
      throw new GeneratorError({ file, pointer: pointerOf(visit) }, `the number here is ${String(node)} (too large for a 64-bit float, as 1e400 is, or not a number), so it has no value in TypeScript; write a number within ±1.7e308`);
    }
    if (typeof node !== 'object' || node === null) continue;
    if (visit.depth >= MAX_NESTING) {
      throw new GeneratorError({ file, pointer: pointerOf(visit) }, `nested more than ${MAX_NESTING} levels deep; clientgen reads documents up to ${MAX_NESTING} levels of objects and arrays`);
    }
    const depth = visit.depth + 1;
    if (Array.isArray(node)) node.forEach((child, key) => stack.push({ value: child, depth, key, parent: visit }));
    else for (const [key, child] of Object.entries(node)) stack.push({ value: child, depth, key, parent: visit });
  }
}
