import { isObject } from '../../openapi/index.ts';
import { type NormalisePass } from '../pass.ts';

const SKIP = new Set(['example', 'examples', 'enum', 'default', 'const', 'x-import-notes']);

/**
 * openapi-typescript writes a schema's description into JSDoc but not its `pattern`, so the pattern
 * is appended to the description: callers see the rule where they write the value.
 */
export const patternDescriptionsPass: NormalisePass = {
  name: 'pattern-descriptions',
  rule: "A string schema's pattern is repeated at the end of its description, so it reaches the JSDoc.",
  hostbillOnly: false,
  run(doc, ctx) {
    let count = 0;
    const stack: unknown[] = [doc];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (isObject(node)) {
        if (typeof node.pattern === 'string' && (node.type === 'string' || node.type === undefined) && !String(node.description ?? '').includes(node.pattern)) {
          const note = `pattern \`${node.pattern}\``;
          node.description = typeof node.description === 'string' && node.description.trim() !== '' ? `${node.description.trimEnd()} (${note})` : `Matches the ${note}.`;
          count++;
        }
        for (const [key, value] of Object.entries(node)) if (!SKIP.has(key) && typeof value === 'object' && value !== null) stack.push(value);
      }
    }
    if (count > 0) ctx.record(`${count} pattern(s) added to their schema's description`);
  },
};
