import { isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

/** Language spellings of JSON Schema types, as hand-written and PHP-annotated documents write them. */
const SPELLINGS: Readonly<Record<string, { readonly type: string; readonly format?: string }>> = {
  int: { type: 'integer' },
  long: { type: 'integer', format: 'int64' },
  bool: { type: 'boolean' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
};
const STANDARD = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null', 'file']);

/** Data and extensions hold values, not schemas: a `type` there is the document's data. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-example']);

/** `int` → integer, `Boolean` → boolean, `string[]` → array of string; `undefined` for a spelling no rule knows. */
function standardType(written: string): { type: string; format?: string; items?: Record<string, unknown> } | undefined {
  const lower = written.trim().toLowerCase();
  const element = /^(\w+)\s*\[\]$/.exec(lower)?.[1];
  if (element !== undefined) {
    const items = standardType(element);
    return items && items.type !== 'array' ? { type: 'array', items: { ...items } } : undefined;
  }
  if (STANDARD.has(lower)) return { type: lower };
  return SPELLINGS[lower];
}

/**
 * A `type` spelled as a language writes it (`int`, `bool`, `Integer`, `string[]`) is refused by
 * every validator though its meaning is plain; it becomes the JSON Schema type, with a warning.
 * Only places that hold schemas or parameters are walked: examples, defaults and extensions are data.
 */
export const typeSpellingsPass: SourcePass = {
  name: 'type-spellings',
  rule: 'A type written as a language spells it (int, long, bool, float, double, any case, or T[]) becomes the JSON Schema type.',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    const stack: { node: Record<string, unknown>; at: (string | number)[] }[] = [{ node: doc as Record<string, unknown>, at: [] }];
    let visited = 0;
    while (stack.length > 0 && ++visited < 5_000_000) {
      const { node, at } = stack.pop() as { node: Record<string, unknown>; at: (string | number)[] };
      const written = node.type;
      if (typeof written === 'string' && !STANDARD.has(written) && at.at(-2) !== 'securityDefinitions' && at.at(-2) !== 'securitySchemes') {
        const fixed = standardType(written);
        if (fixed) {
          node.type = fixed.type;
          if (fixed.format !== undefined && node.format === undefined) node.format = fixed.format;
          if (fixed.items !== undefined && !isObject(node.items)) node.items = fixed.items;
          ctx.warn(`type ${JSON.stringify(written)} is not a JSON Schema type; read as ${JSON.stringify(fixed.type)}${fixed.items ? ` of ${JSON.stringify(fixed.items.type)}` : ''}`, pointer(...at, 'type'));
        }
      }
      for (const [key, value] of Object.entries(node)) {
        if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
        if (Array.isArray(value)) value.forEach((v, i) => isObject(v) && stack.push({ node: v, at: [...at, key, i] }));
        else if (isObject(value)) stack.push({ node: value, at: [...at, key] });
      }
    }
  },
};
