import { decodePointerToken, isObject, MAX_REFERENCE_HOPS, pointer } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';

const MISSING = Symbol('missing');

/**
 * Components that are no schema: a chain of `$ref`s to them must end in an object within
 * MAX_REFERENCE_HOPS, or the operation would silently lose the parameter, body or response (the
 * stages resolve references that far). Schemas may loop: the self-referencing-schemas pass breaks
 * those cycles.
 */
const NOT_SCHEMAS = /^#\/(?:components\/(?:parameters|requestBodies|responses|headers|examples|links|callbacks|pathItems)|parameters|responses)\//;

/**
 * Fails on the first `$ref` that does not resolve inside the document, naming where it stands, and
 * on a `$ref` to a parameter, body or response whose chain of references loops or runs past
 * MAX_REFERENCE_HOPS without reaching one.
 */
export function assertReferencesResolve(doc: Record<string, unknown>, file: string): void {
  const target = (ref: string): unknown => {
    if (!ref.startsWith('#')) return MISSING;
    let node: unknown = doc;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const token = decodePointerToken(raw);
      if (!isObject(node) && !Array.isArray(node)) return MISSING;
      if (!Object.hasOwn(node as object, token)) return MISSING;
      node = (node as Record<string, unknown>)[token];
    }
    return node;
  };
  /** The problem with the chain of references `ref` starts (its target `first`), or undefined when it reaches an object. */
  const chainProblem = (ref: string, first: unknown): string | undefined => {
    const seen = [ref];
    for (let node = first; isObject(node) && typeof node.$ref === 'string'; node = target(node.$ref)) {
      if (seen.includes(node.$ref)) return `the $ref chain ${[...seen, node.$ref].map((r) => JSON.stringify(r)).join(' → ')} loops without reaching an object, so what it stands for would be lost`;
      seen.push(node.$ref);
      if (seen.length > MAX_REFERENCE_HOPS) return `the $ref chain from ${JSON.stringify(ref)} runs past ${MAX_REFERENCE_HOPS} references without reaching an object; point the $ref at the object itself`;
    }
    return undefined;
  };
  const stack: { value: unknown; at: (string | number)[] }[] = [{ value: doc, at: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const { value, at } = stack.pop() as { value: unknown; at: (string | number)[] };
    if (++visited > 5_000_000) return;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, at: [...at, i] }));
    else if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string') {
          const found = target(v);
          if (found === MISSING) {
            const external = !v.startsWith('#');
            throw new GeneratorError(
              { file, pointer: pointer(...at, '$ref') },
              external ? `external $ref ${JSON.stringify(v)} is not supported: bundle the document into one file first` : `$ref ${JSON.stringify(v)} does not resolve`,
            );
          }
          const problem = NOT_SCHEMAS.test(v) ? chainProblem(v, found) : undefined;
          if (problem !== undefined) throw new GeneratorError({ file, pointer: pointer(...at, '$ref') }, problem);
        } else if (typeof v === 'object' && v !== null) stack.push({ value: v, at: [...at, key] });
      }
    }
  }
}
