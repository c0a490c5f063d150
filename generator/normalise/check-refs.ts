import { decodePointerToken, isObject, pointer } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';

/** Fails on the first `$ref` that does not resolve inside the document, naming where it stands. */
export function assertReferencesResolve(doc: Record<string, unknown>, file: string): void {
  const resolves = (ref: string): boolean => {
    if (!ref.startsWith('#')) return false;
    let node: unknown = doc;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const token = decodePointerToken(raw);
      if (!isObject(node) && !Array.isArray(node)) return false;
      if (!Object.hasOwn(node as object, token)) return false;
      node = (node as Record<string, unknown>)[token];
    }
    return true;
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
          if (!resolves(v)) {
            const external = !v.startsWith('#');
            throw new GeneratorError(
              { file, pointer: pointer(...at, '$ref') },
              external ? `external $ref ${JSON.stringify(v)} is not supported: bundle the document into one file first` : `$ref ${JSON.stringify(v)} does not resolve`,
            );
          }
        } else if (typeof v === 'object' && v !== null) stack.push({ value: v, at: [...at, key] });
      }
    }
  }
}
