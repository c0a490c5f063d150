/**
 * Synthetic OpenAPI 3.0 documents of any size, for the generator benchmark's cost-per-operation
 * check. Deterministic: the same operation count gives the same document. Every resource has its
 * own schema (8 properties: strings, an enum, a date, a nested object, an array of references), a
 * collection path (list with paging + create) and an item path (get, update, delete).
 *
 *   node --import tsx bench/synthetic.ts 5000 > /tmp/synthetic-5000.json
 */
import { fileURLToPath } from 'node:url';

export function syntheticDocument(operations: number): Record<string, unknown> {
  const resources = Math.ceil(operations / 5);
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  let made = 0;
  for (let r = 0; r < resources && made < operations; r++) {
    const name = `Resource${r}`;
    const tag = `group${Math.floor(r / 10)}`;
    const ref = { $ref: `#/components/schemas/${name}` };
    schemas[name] = {
      type: 'object',
      description: `A resource of kind ${r}.`,
      required: ['id', 'name'],
      properties: {
        id: { type: 'integer', format: 'int64' },
        name: { type: 'string', description: 'Display name.' },
        status: { type: 'string', enum: ['active', 'suspended', 'cancelled', `state${r % 7}`] },
        created: { type: 'string', format: 'date-time' },
        owner: { type: 'object', properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' } } },
        tags: { type: 'array', items: { type: 'string' } },
        related: { type: 'array', items: r > 0 ? { $ref: `#/components/schemas/Resource${r - 1}` } : { type: 'string' } },
        price: { type: 'number', nullable: true },
      },
    };
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
    const json = (schema: unknown) => ({ 'application/json': { schema } });
    const collection: Record<string, unknown> = {};
    const item: Record<string, unknown> = { parameters: [idParam] };
    const ops: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [collection, 'get', { operationId: `list${name}`, summary: `List ${name}`, parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'status', in: 'query', schema: { type: 'string', enum: ['active', 'suspended'] } }], responses: { 200: { description: 'OK', content: json({ type: 'object', properties: { page: { type: 'integer' }, items: { type: 'array', items: ref } } }) } } }],
      [collection, 'post', { operationId: `create${name}`, summary: `Create ${name}`, requestBody: { required: true, content: json({ type: 'object', required: ['name'], properties: { name: { type: 'string' }, status: { type: 'string' } } }) }, responses: { 201: { description: 'Created', content: json(ref) } } }],
      [item, 'get', { operationId: `get${name}`, summary: `Get ${name}`, responses: { 200: { description: 'OK', content: json(ref) }, 404: { description: 'Not found' } } }],
      [item, 'put', { operationId: `update${name}`, summary: `Update ${name}`, requestBody: { content: json(ref) }, responses: { 200: { description: 'OK', content: json(ref) } } }],
      [item, 'delete', { operationId: `delete${name}`, summary: `Delete ${name}`, responses: { 204: { description: 'Deleted' } } }],
    ];
    for (const [target, method, op] of ops) {
      if (made >= operations) break;
      target[method] = { tags: [tag], ...op };
      made++;
    }
    if (Object.keys(collection).length > 0) paths[`/resources${r}`] = collection;
    if (Object.keys(item).length > 1) paths[`/resources${r}/{id}`] = item;
  }
  return {
    openapi: '3.0.3',
    info: { title: `Synthetic ${operations}`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.test/v1' }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(syntheticDocument(Number(process.argv[2] ?? 1000)), null, 2)}\n`);
}
