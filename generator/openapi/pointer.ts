/** RFC 6901 JSON pointers, as the generator's diagnostics and reports name places in a document. */

/** A JSON pointer from path tokens. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * One token of a `$ref`'s fragment: percent-decoded (a `%` that starts no valid escape is taken
 * literally, so a hostile `$ref` cannot throw), then RFC 6901-unescaped.
 */
export function decodePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // not percent-encoding: keep the token as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a local fragment (`#/a/b`) points at in `root`, or undefined. */
export function resolvePointer(root: unknown, fragment: string): unknown {
  if (fragment === '#' || fragment === '') return root;
  if (!fragment.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const token of fragment.slice(2).split('/').map(decodePointerToken)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
