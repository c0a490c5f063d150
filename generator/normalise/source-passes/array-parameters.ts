import { PATH_ITEM_METHODS, isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

/**
 * Swagger 2.0 arrays need `items`, and an `enum` on an array describes its items (HostBill puts
 * `enum: ["Subscribed"]` on the array itself). Applied to parameters and definition properties.
 */
export const arrayParametersPass: SourcePass = {
  name: 'array-items',
  rule: 'Arrays get "items" ({type: string} when missing), and an enum placed on an array moves to its items.',
  hostbillOnly: false,
  appliesTo: ['swagger2'],
  run(doc, ctx) {
    const fix = (schema: Record<string, unknown>, at: string): void => {
      if (schema.type !== 'array') return;
      if (!isObject(schema.items)) {
        schema.items = { type: 'string' };
        ctx.record('array without items: items set to {type: string}', at);
      }
      if (Array.isArray(schema.enum)) {
        (schema.items as Record<string, unknown>).enum = schema.enum;
        delete schema.enum;
        ctx.record('enum moved from the array to its items', at);
      }
    };
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      for (const method of PATH_ITEM_METHODS) {
        const op = item[method];
        if (!isObject(op) || !Array.isArray(op.parameters)) continue;
        op.parameters.forEach((p, i) => {
          if (isObject(p)) fix(p, pointer('paths', path, method, 'parameters', i));
        });
      }
    }
    const definitions = isObject(doc.definitions) ? doc.definitions : {};
    for (const [name, def] of Object.entries(definitions)) {
      if (!isObject(def)) continue;
      fix(def, pointer('definitions', name));
      for (const [prop, schema] of Object.entries(isObject(def.properties) ? def.properties : {})) {
        if (isObject(schema)) fix(schema, pointer('definitions', name, 'properties', prop));
      }
    }
  },
};
