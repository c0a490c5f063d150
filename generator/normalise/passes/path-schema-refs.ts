import { decodePointerToken, isObject, pointer } from '../../openapi/index.ts';
import { safePascalIdentifier } from '../../naming/index.ts';
import { type NormalisePass } from '../pass.ts';

/** JSON Schema keywords whose value is a schema, and those whose value maps names (or holds a list) of schemas. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'allOf', 'oneOf', 'anyOf', 'prefixItems']);

/** Whether the tokens after a schema lead to a schema again (`definitions/y/items`), not into data such as an `example`. */
function staysInSchema(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (SCHEMA_MAPS.has(token) && i + 1 < tokens.length) i++;
    else if (!SCHEMA_KEYWORDS.has(token)) return false;
  }
  return true;
}

type Section = 'schemas' | 'parameters' | 'responses' | 'requestBodies';

/**
 * The components section for what a reference points at inside something else, which
 * openapi-typescript cannot index: a schema, or an operation's parameter, response or body.
 */
function sectionFor(tokens: readonly string[]): Section | undefined {
  if (tokens[0] === 'paths' || tokens[0] === 'webhooks') {
    if (tokens.includes('schema')) return 'schemas';
    const last = tokens.length - 1;
    // `/paths/~1a/parameters/0`, `/paths/~1a/get/parameters/0`, `/paths/~1a/get/responses/200`, `/paths/~1a/post/requestBody`.
    if (tokens[last - 1] === 'parameters' && (last === 3 || last === 4)) return 'parameters';
    if (tokens[last - 1] === 'responses' && last === 4) return 'responses';
    if (tokens[last] === 'requestBody' && last === 3) return 'requestBodies';
    return undefined;
  }
  if (tokens[0] !== 'components' || tokens.length <= 3) return undefined;
  // Inside a component schema (`…/X/definitions/y`, `…/X/items`), or in the schema of a response, parameter, header or body.
  if (tokens[1] === 'schemas') return staysInSchema(tokens.slice(3)) ? 'schemas' : undefined;
  const schema = tokens.indexOf('schema');
  return schema > 2 && staysInSchema(tokens.slice(schema + 1)) ? 'schemas' : undefined;
}

/** Tokens of a place that say nothing about what stands there, left out of the name made from it. */
const STRUCTURAL = new Set(['paths', 'webhooks', 'components', 'schemas', 'content', 'schema', 'properties', 'items', 'requestBody', 'responses', 'definitions', '$defs']);

/** The words of the name a moved schema gets: `…/Tags/items` is `TagsItem`, not a second `Tags`. */
function nameWords(tokens: readonly string[]): string[] {
  const inComponent = tokens[0] === 'components';
  return tokens.flatMap((t) => (inComponent && t === 'items' ? ['item'] : STRUCTURAL.has(t) ? [] : [t]));
}

/**
 * A `$ref` may point at a schema written inline inside an operation (`#/paths/~1a/post/requestBody/
 * content/application~1json/schema/properties/x`) or inside a component (`#/components/schemas/X/
 * definitions/y`, `…/X/items`). openapi-typescript turns such a reference into an indexed access type
 * (`paths[…]`, `components['schemas']['X']['definitions']`) that does not type-check, so the schema moves
 * to `components/schemas` (under a name made from where it stood), the place it came from refers to it
 * there, and so does every reference that pointed at the old place. A parameter, response or request
 * body referenced inside an operation (`#/paths/~1a/get/parameters/0`, DigitalOcean's and enode's
 * documents) is indexed the same broken way, and moves the same way to its own components section.
 */
export const pathSchemaRefsPass: NormalisePass = {
  name: 'path-schema-refs',
  rule: 'Schemas that other parts of the document reference inside an operation or inside a component move to components/schemas; parameters, responses and request bodies referenced inside an operation move to components/parameters, responses, requestBodies.',
  hostbillOnly: false,
  run(doc, ctx) {
    const targets = new Map<string, string>();
    const sections = new Map<string, Section>();
    const refs: Record<string, unknown>[] = [];
    const stack: unknown[] = [doc.paths, doc.components, (doc as { webhooks?: unknown }).webhooks];
    for (let visited = 0; stack.length > 0 && visited < 5_000_000; visited++) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (isObject(node)) {
        const ref = node.$ref;
        const section = typeof ref === 'string' && ref.startsWith('#/') ? sectionFor(ref.split('/').slice(1).map(decodePointerToken)) : undefined;
        if (section) {
          refs.push(node);
          targets.set(ref as string, '');
          sections.set(ref as string, section);
        }
        for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
      }
    }
    if (targets.size === 0) return;
    const components = (doc.components ??= {}) as Record<string, unknown>;
    // Deepest first: a schema nested in another moved one is already a reference when its parent moves.
    for (const ref of [...targets.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1))) {
      const tokens = ref.slice(2).split('/').map(decodePointerToken);
      let parent: unknown = doc;
      for (const token of tokens.slice(0, -1)) parent = isObject(parent) || Array.isArray(parent) ? (parent as Record<string, unknown>)[token] : undefined;
      const key = tokens[tokens.length - 1] as string;
      const container = parent as Record<string, unknown> | undefined;
      const target = container?.[key];
      if (!isObject(target)) continue;
      const section = sections.get(ref) as Section;
      const place = (components[section] ??= {}) as Record<string, unknown>;
      const base = safePascalIdentifier(nameWords(tokens).join(' '), 'Schema');
      let name = base;
      for (let n = 2; Object.hasOwn(place, name); n++) name = `${base}${n}`;
      place[name] = target;
      (container as Record<string, unknown>)[key] = { $ref: `#/components/${section}/${name}` };
      targets.set(ref, `#/components/${section}/${name}`);
      const what = section === 'schemas' ? 'schema' : section === 'requestBodies' ? 'request body' : section.slice(0, -1);
      ctx.record(`the ${what} at ${ref}, which other ${section === 'schemas' ? 'schemas' : 'operations'} reference, moved to components/${section}/${name}`, pointer(...tokens));
    }
    for (const node of refs) {
      const moved = targets.get(node.$ref as string);
      if (moved) node.$ref = moved;
    }
  },
};
