import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportDocsError, importDocs, type SwaggerOperation } from '../../generator/import-docs/index.ts';
import { GeneratorError } from '../../generator/errors.ts';

const SPECS = path.resolve(import.meta.dirname, '../../specs');

/** Lines `from..to` (1-based, inclusive) of several ranges of a seed page, joined into one page. */
function excerpt(id: string, ...ranges: [number, number][]): string {
  const lines = readFileSync(path.join(SPECS, id, 'userapi-docs.txt'), 'utf8').split('\n');
  const separator = id === 'brainoza' || id === 'dns-services' ? '\n\n' : '\n';
  return ranges.map(([from, to]) => lines.slice(from - 1, to).join('\n')).join(separator) + '\n';
}

/** The page's intro (auth) plus its Login operation, so excerpts have a host, auth and a section. */
const INTRO: Record<string, [number, number]> = {
  brainoza: [1, 99],
  'dns-services': [1, 144],
  balvps: [1, 106],
  bkns: [1, 114],
};

function importExcerpt(id: string, ...ranges: [number, number][]) {
  return importDocs(excerpt(id, INTRO[id] as [number, number], ...ranges), { file: `${id}.txt` });
}

function op(result: ReturnType<typeof importDocs>, method: string, route: string): SwaggerOperation {
  const found = result.document.paths[route]?.[method.toLowerCase()];
  if (found === undefined) throw new Error(`no ${method} ${route}`);
  return found;
}

const BLANK_PAGE = `NAV
Example Host
bash php python

Introduction

Our HTTP REST API allows you to manage your account.

Authentication

JSON Web Token Authentication

curl 'https://my.example.com/api/login' \\
    -d username="username"

Basic Authentication

curl 'https://my.example.com/api/details' \\
    -u "username:password"

Clientarea

Login

Generate new authorization token

POST_DATA="{
    \\"username\\": \\"user@example.com\\",
    \\"password\\": \\"secret\\"
}"

curl -X POST "https://my.example.com/api/login" \\
   -H "Content-Type: application/json" \\
   -d "\${POST_DATA}"
use GuzzleHttp\\Client;

$client = new Client([
    'base_uri' => 'https://my.example.com/api/',
]);
Example Response:
{
    "token": "abc"
}

HTTP Request

POST /login

Query Parameters

Parameter Type Description
username string

Your acount email address

password string

Account password

Billing

Get invoice

Return an invoice


curl -X GET "https://my.example.com/api/invoice/@id" \\
   -H "Authorization: Bearer $token"

HTTP Request

GET /invoice/@id

Query Parameters

Parameter Type Description
id int

Invoice id

status string

Invoice status

Available values: Paid, Unpaid.
`;

describe('a small page in the blank layout', () => {
  const result = importDocs(BLANK_PAGE, { file: 'small.txt' });

  it('becomes a Swagger 2.0 document in the HostBill shape', () => {
    const { version, ...info } = result.document.info;
    expect(version).toMatch(/^userapi-docs-[0-9a-f]{12}$/);
    expect({ ...result.document, info }).toEqual({
      swagger: '2.0',
      info: { title: 'Example Host User API', description: 'Our HTTP REST API allows you to manage your account.' },
      host: 'my.example.com',
      basePath: '/api',
      schemes: ['https'],
      tags: [{ name: 'Clientarea' }, { name: 'Billing' }],
      securityDefinitions: {
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-scheme': 'bearer', 'x-bearer-format': 'JWT' },
        basic: { type: 'basic' },
      },
      security: [{ jwt: [] }, { basic: [] }],
      paths: {
        '/login': {
          post: {
            tags: ['Clientarea'],
            summary: 'Login',
            description: 'Generate new authorization token',
            operationId: 'login',
            consumes: ['application/json'],
            produces: ['application/json'],
            parameters: [
              { name: 'username', in: 'query', description: 'Your acount email address', type: 'string' },
              { name: 'password', in: 'query', description: 'Account password', type: 'string' },
            ],
            responses: { '200': { description: '```json\n{\n    "token": "abc"\n}\n```' } },
            security: [],
          },
        },
        '/invoice/@id': {
          get: {
            tags: ['Billing'],
            summary: 'Get invoice',
            description: 'Return an invoice',
            operationId: 'getInvoice',
            consumes: ['application/json'],
            produces: ['application/json'],
            parameters: [
              { name: 'id', in: 'path', description: 'Invoice id', required: true, type: 'integer' },
              { name: 'status', in: 'query', description: 'Invoice status', type: 'string', enum: ['Paid', 'Unpaid'] },
            ],
            responses: { '200': { description: 'Success' } },
          },
        },
      },
      'x-import-notes': [],
    });
    expect(result.notes).toEqual([]);
    expect(result.operationCount).toBe(2);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(importDocs(BLANK_PAGE, { file: 'small.txt' }))).toBe(JSON.stringify(result));
  });

  it('takes the host from options when given, keeping the base path', () => {
    const other = importDocs(BLANK_PAGE, { file: 'small.txt', host: 'api.example.org' });
    expect(other.document.host).toBe('api.example.org');
    expect(other.document.basePath).toBe('/api');
  });

  it('derives the version from the content', () => {
    const changed = importDocs(BLANK_PAGE.replace('Return an invoice', 'Return one invoice'), { file: 'small.txt' });
    expect(changed.document.info.version).not.toBe(result.document.info.version);
  });
});

describe('excerpts of each layout', () => {
  it('blank (Brainoza): Basic only, Value pattern and Available values kept', () => {
    const r = importExcerpt('brainoza', [132, 330]);
    expect(r.document.securityDefinitions).toEqual({ basic: { type: 'basic' } });
    expect(r.notes).toContain(
      'line 88: POST /login hands out tokens, but the page documents only Basic authentication; securityDefinitions list basic only',
    );
    const put = op(r, 'PUT', '/details');
    expect(put.parameters.find((p) => p.name === 'firstname')).toMatchObject({ pattern: '^[A-Za-z]+$' });
    expect(put.parameters.find((p) => p.name === 'type')).toMatchObject({ enum: ['Private', 'Company'] });
    expect(op(r, 'GET', '/details').security).toBeUndefined();
  });

  it('pipe-leading (BalVPS): lost email cell named from the body, Required from prose, lost values reported', () => {
    const r = importExcerpt('balvps', [201, 319]);
    const signup = op(r, 'POST', '/signup');
    expect(signup.parameters[0]).toEqual({ name: 'email', in: 'query', description: 'Email Address Required', required: true, type: 'string' });
    expect(signup.parameters.find((p) => p.name === 'companyname')?.required).toBeUndefined();
    expect(signup.parameters.find((p) => p.name === 'address2')?.required).toBeUndefined();
    expect(signup.parameters.find((p) => p.name === 'type')?.enum).toBeUndefined();
    expect(signup.security).toEqual([]);
    expect(r.notes.join('\n')).toMatch(/POST \/signup: row "Email Address Required" has no name cell; named it "email" from the sample body/);
    expect(r.notes.join('\n')).toMatch(/"Available values" of currency were lost; no enum/);
    expect(r.notes.join('\n')).toMatch(/"Value pattern" of firstname was lost; no pattern/);
    expect(r.notes.join('\n')).toMatch(/companyname is only conditionally required/);
  });

  it('pipe-trailing (BKNS): split rows give their types, unions get an x-schema', () => {
    const r = importExcerpt('bkns', [3889, 4009]);
    const ips = op(r, 'GET', '/service/@id/vms/@vmid/ips');
    expect(ips.parameters.map((p) => [p.name, p.in, p.type])).toEqual([
      ['id', 'path', 'integer'],
      ['vmid', 'path', 'integer'],
      ['type', 'query', 'string'],
      ['iface', 'query', 'integer'],
      ['bridge', 'query', 'string'],
    ]);
    const assign = op(r, 'POST', '/service/@id/vms/@vmid/ippool/@pool');
    expect(assign.parameters.find((p) => p.name === 'pool')).toEqual({
      name: 'pool',
      in: 'path',
      description: 'List ID to allocate new IP from',
      required: true,
      type: 'string',
      'x-schema': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    });
  });
});

describe('quirks', () => {
  it('takes the doubled heading "DNS Records DNS Records" as the title', () => {
    const r = importExcerpt('dns-services', [1779, 1829]);
    const list = op(r, 'GET', '/domain/@id/dns');
    expect(list.summary).toBe('DNS Records');
    expect(list.description).toBe('List DNS records');
    expect(r.notes.join('\n')).toMatch(/GET \/domain\/@id\/dns: title "DNS Records DNS Records" repeats itself; used "DNS Records"/);
  });

  it('keeps a section intro out of the operations and puts it on the tag (blank layout)', () => {
    const r = importExcerpt('dns-services', [3609, 3666]);
    expect(r.document.tags).toContainEqual({
      name: 'Cart',
      description: 'Most of API methods found here will require service @id, you can lookup your service ids with /service method',
    });
    const category = op(r, 'GET', '/category');
    expect(category.tags).toEqual(['Cart']);
    expect(category.summary).toBe('List product categories');
  });

  it('keeps a wrapped section intro out of the operations (pipe layout)', () => {
    const r = importExcerpt('bkns', [4497, 4591]);
    expect(r.document.tags.find((t) => t.name === 'Cart')?.description).toBe(
      'Most of API methods found here will require service @id, you can lookup your service ids with /service method',
    );
    const order = op(r, 'POST', '/order/@product_id');
    expect(order.summary).toBe('Order new service');
    expect(order.description).toBe(
      'Create and submit new order for selected product. To get available cycle and configuration options lookup product details using GET /order/@product_id',
    );
  });

  it('uses the request line when the sample URL is broken', () => {
    const r = importExcerpt('bkns', [5642, 5658]);
    expect(op(r, 'GET', '/location/state/city/@name').security).toEqual([]);
    expect(r.notes.join('\n')).toMatch(/the sample calls GET "https:\/\/my\.bkns\.net\/api\/GET \/location\/state\/city\/@name", which does not match the request line GET \/location\/state\/city\/@name/);
  });

  it('reports duplicate titles and still names methods from routes', () => {
    const r = importExcerpt('bkns', [3889, 3957]);
    expect(op(r, 'GET', '/service/@id/vms/@vmid/ips').operationId).toBe('listIps');
    expect(op(r, 'GET', '/service/@id/vms/@vmid/ippool').operationId).toBe('getIppool');
    expect(r.notes.join('\n')).toMatch(/GET \/service\/@id\/vms\/@vmid\/ippool has the title "List IPs", as GET \/service\/@id\/vms\/@vmid\/ips \(line \d+\) does/);
  });

  it('gives `content` a oneOf when the "# OR" sample bodies disagree', () => {
    const r = importExcerpt('brainoza', [623, 779]);
    const add = op(r, 'POST', '/service/@service_id/dns/@zone_id/records');
    expect(add.parameters.map((p) => p.name)).toEqual(['service_id', 'zone_id', 'name', 'ttl', 'priority', 'type', 'content']);
    expect(add.parameters.find((p) => p.name === 'content')).toEqual({
      name: 'content',
      in: 'query',
      description: 'Contents of the record',
      type: 'string',
      'x-schema': { oneOf: [{ type: 'string' }, { type: 'array', items: { oneOf: [{ type: 'integer' }, { type: 'string' }] } }] },
    });
  });

  it('trims sample body keys with stray spaces', () => {
    const r = importExcerpt('bkns', [1126, 1193]);
    const verify = op(r, 'POST', '/ekyc/faceid/verification');
    expect(verify.parameters.filter((p) => p.name.startsWith('image_live_1'))).toHaveLength(1);
    expect(r.notes.join('\n')).toMatch(/sample body key "image_live_1 " has stray spaces; used "image_live_1"/);
  });

  it('uses a row whose name does not match the placeholder as that path parameter (record_id for @index)', () => {
    const r = importExcerpt('dns-services', [1911, 2043]);
    for (const method of ['PUT', 'DELETE']) {
      const o = op(r, method, '/domain/@id/dns/@index');
      expect(o.parameters.find((p) => p.name === 'index')).toEqual({ name: 'index', in: 'path', description: 'Recod index', required: true, type: 'integer' });
      expect(o.parameters.some((p) => p.name === 'record_id')).toBe(false);
    }
    expect(r.notes.join('\n')).toMatch(/PUT \/domain\/@id\/dns\/@index lists record_id, not index; used it as the path parameter index/);
  });

  it('uses tld_id as @id of /domain/order/@id/form', () => {
    const r = importExcerpt('dns-services', [2801, 2910]);
    expect(op(r, 'GET', '/domain/order/@id/form').parameters).toEqual([
      { name: 'id', in: 'path', description: 'TLD ID', required: true, type: 'integer' },
    ]);
  });

  it('adds placeholders the table lacks, typed like other tables type them', () => {
    const r = importExcerpt('balvps', [1018, 1144]);
    expect(op(r, 'GET', '/invoice/@id').parameters).toEqual([{ name: 'id', in: 'path', required: true, type: 'integer' }]);
    expect(op(r, 'POST', '/invoice/@id/credit').parameters.map((p) => `${p.name}:${p.in}`)).toEqual(['id:path', 'amount:query']);
    expect(r.notes.join('\n')).toMatch(/GET \/invoice\/@id: placeholder @id is not in the parameter table; added as a path parameter of type integer \(its name reads as an id\)/);
  });

  it('keeps the ticket attachment’s extra number as a query parameter and serves a file', () => {
    const r = importExcerpt('dns-services', [1169, 1210]);
    const attachment = op(r, 'GET', '/ticket/attachment/@file');
    expect(attachment.produces).toEqual(['application/octet-stream']);
    expect(attachment.parameters.map((p) => `${p.name}:${p.in}:${p.type}`)).toEqual(['file:path:string', 'number:query:integer']);
  });

  it('takes a documented content type for a download and leaves security empty when the sample has no auth', () => {
    const r = importExcerpt('bkns', [2615, 2634]);
    const download = op(r, 'GET', '/domain/@id/documents/@documentid/download');
    expect(download.produces).toEqual(['application/pdf']);
    expect(download.security).toEqual([]);
  });

  it('keeps credentials for a sample without them that acts on an item authenticated operations act on, with a note; a token route stays public', () => {
    // GET /domain/@id/documents (Bearer), its download, view and upload (no credentials shown), and the signing link by token.
    const r = importExcerpt('bkns', [2590, 2710]);
    expect(op(r, 'GET', '/domain/@id/documents').security).toBeUndefined();
    for (const [method, route] of [['GET', '/domain/@id/documents/@documentid/download'], ['GET', '/domain/@id/documents/@documentid/View'], ['POST', '/domain/@id/documents/@documentid/upload']] as const) {
      expect(op(r, method, route).security, route).toBeUndefined();
      expect(op(r, method, route)['x-clientgen-sample-without-auth'], route).toBe(true);
      expect(r.notes).toContainEqual(expect.stringContaining(`${method} ${route}: the sample shows no credentials, but the operation acts on /domain/@id, whose other operations send them; left to the global security`));
    }
    expect(op(r, 'GET', '/domain/documents/view/@token').security).toEqual([]);
  });

  it('takes the resources map from the description’s pseudo-JSON block', () => {
    const r = importExcerpt('dns-services', [3356, 3438]);
    const upgrade = op(r, 'POST', '/service/@id/upgrade');
    expect(upgrade.summary).toBe('Upgrade Request');
    expect(upgrade.description).toMatch(/^Estimate or request upgrade\n\n\/\/ Format of ''resources'' paremeter\n\{/);
    expect(upgrade.parameters.find((p) => p.name === 'resources')?.['x-schema']).toEqual({
      type: 'object',
      additionalProperties: {
        oneOf: [
          { type: 'string' },
          { type: 'integer' },
          { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
        ],
      },
    });
    expect(upgrade.parameters.find((p) => p.name === 'send')?.type).toBe('boolean');
  });

  it('makes a "key … value" parameter a string map', () => {
    const r = importExcerpt('bkns', [4333, 4372]);
    expect(op(r, 'POST', '/service/@id/rdns').parameters.find((p) => p.name === 'ipaddress')).toMatchObject({
      type: 'array',
      items: { type: 'string' },
      'x-schema': { type: 'object', additionalProperties: { type: 'string' } },
    });
  });

  it('leaves out summary and description of an operation that has neither', () => {
    const r = importExcerpt('dns-services', [2635, 2669]);
    const remove = op(r, 'DELETE', '/domain/@id/dnssec/@key');
    expect(remove.summary).toBeUndefined();
    expect(remove.description).toBeUndefined();
    expect(remove.parameters.map((p) => `${p.name}:${p.in}`)).toEqual(['id:path', 'key:path']);
    expect(r.notes.join('\n')).toMatch(/DELETE \/domain\/@id\/dnssec\/@key has no title and no description/);
  });
});

const PIPE_PAGE = (ops: string) => `Introduction
Our API.
Authentication
Basic Authentication
curl 'https://my.example.com/api/details' \\
-u "username:password"
Clientarea
${ops}`;

const PIPE_OP = (route: string, title = 'Title') => `${title}
Description
curl -X GET "https://my.example.com/api${route.split(' ')[1]}" \\
-u user:pass
HTTP Request
${route}
`;

describe('operationIds', () => {
  it('falls back to the all-placeholders form when two routes share the short name', () => {
    const r = importDocs(PIPE_PAGE(PIPE_OP('GET /location/state/@id/city') + PIPE_OP('GET /location/state/city')), { file: 'ids.txt' });
    expect(op(r, 'GET', '/location/state/@id/city').operationId).toBe('getStateCity');
    expect(op(r, 'GET', '/location/state/city').operationId).toBe('getCity');
  });

  it('throws when even the long form collides', () => {
    expect(() => importDocs(PIPE_PAGE(PIPE_OP('GET /a-b') + PIPE_OP('GET /a_b')), { file: 'ids.txt' })).toThrow(
      /^ids\.txt:19: GET \/a_b and GET \/a-b \(line 13\) both get the method name clientarea\.getAb$/,
    );
  });
});

describe('bad input', () => {
  it('rejects a page with no operations', () => {
    expect(() => importDocs('Introduction\n\nNothing here.\n', { file: 'empty.txt' })).toThrow(ImportDocsError);
    expect(() => importDocs('Introduction\n\nNothing here.\n', { file: 'empty.txt' })).toThrow(/^empty\.txt:1: no "HTTP Request" block found/);
  });

  it('rejects an "HTTP Request" block without method and path', () => {
    const page = PIPE_PAGE('Title\nDescription\nHTTP Request\nQuery Parameters\n');
    expect(() => importDocs(page, { file: 'bad.txt' })).toThrow(
      /^bad\.txt:11: the "HTTP Request" block at line 10 has no method and path \(expected e\.g\. "GET \/details", found "Query Parameters"\)$/,
    );
  });

  it('rejects an "HTTP Request" block at the end of the page', () => {
    expect(() => importDocs(PIPE_PAGE('Title\nHTTP Request\n'), { file: 'end.txt' })).toThrow(/^end\.txt:\d+: the "HTTP Request" block at line 9 has no method and path \(expected e\.g\. "GET \/details", found the end of the page\)$/);
  });

  it('rejects an unknown table layout', () => {
    const page = PIPE_PAGE(`${PIPE_OP('GET /details')}Query Parameters\nName ; Type ; Notes\n`);
    expect(() => importDocs(page, { file: 'layout.txt' })).toThrow(/^layout\.txt:15: unknown parameter table layout/);
  });

  it('rejects a page without any base URL unless a host is given', () => {
    const page = 'Clientarea\n\nLogin\n\nHTTP Request\n\nPOST /login\n';
    expect(() => importDocs(page, { file: 'nohost.txt' })).toThrow(/^nohost\.txt:1: no API base URL found/);
    expect(importDocs(page, { file: 'nohost.txt', host: 'h.example' }).document.host).toBe('h.example');
  });

  it('rejects the same route documented twice', () => {
    expect(() => importDocs(PIPE_PAGE(PIPE_OP('GET /details') + PIPE_OP('GET /details')), { file: 'twice.txt' })).toThrow(
      /^twice\.txt:19: GET \/details is documented twice \(first at line 13\)$/,
    );
  });

  it('throws errors the CLI reports as import errors', () => {
    try {
      importDocs('x', { file: 'x.txt' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as ImportDocsError).place).toEqual({ file: 'x.txt', line: 1 });
    }
  });
});

describe('sections', () => {
  it('accepts extra section headings', () => {
    const page = PIPE_PAGE(`${PIPE_OP('GET /details')}Widgets\n${PIPE_OP('GET /widgets')}`);
    expect(op(importDocs(page, { file: 's.txt' }), 'GET', '/widgets').tags).toEqual(['Clientarea']);
    const withSection = importDocs(page, { file: 's.txt', sections: ['Widgets'] });
    expect(op(withSection, 'GET', '/widgets').tags).toEqual(['Widgets']);
    expect(withSection.document.tags.map((t) => t.name)).toEqual(['Clientarea', 'Widgets']);
  });

  it('tags operations before any known heading "default" and says so', () => {
    const page = PIPE_PAGE('').replace('Clientarea\n', '') + PIPE_OP('GET /details');
    const r = importDocs(page, { file: 'd.txt' });
    expect(op(r, 'GET', '/details').tags).toEqual(['default']);
    expect(r.document.tags).toEqual([{ name: 'default' }]);
    expect(r.notes.join('\n')).toMatch(/no known section heading before the first operation/);
  });
});

describe('sample bodies against the table', () => {
  const page = PIPE_PAGE(`Upload
Upload a file
POST_DATA="{
\\"name\\": \\"nameValue\\",
\\"size\\": 12,
\\"tags\\": [\\"a\\", \\"b\\"],
\\"meta\\": {\\"k\\": \\"v\\"}
}"
curl -X POST "https://my.example.com/api/upload" \\
-u user:pass \\
-d "\${POST_DATA}"
HTTP Request
POST /upload
Query Parameters
Parameter | Type | Description |
---|---|---|
name | string |
File name |
data | file |
File content |
`);
  const r = importDocs(page, { file: 'body.txt' });
  const upload = op(r, 'POST', '/upload');

  it('adds body fields the table lacks, typed from the sample value, and reports them', () => {
    expect(upload.parameters).toEqual([
      { name: 'name', in: 'query', description: 'File name', type: 'string' },
      { name: 'data', in: 'query', description: 'File content', type: 'string' },
      { name: 'size', in: 'query', type: 'integer' },
      { name: 'tags', in: 'query', type: 'array', items: { type: 'string' } },
      { name: 'meta', in: 'query', type: 'array', items: { type: 'string' }, 'x-schema': { type: 'object', properties: { k: { type: 'string' } } } },
    ]);
    expect(r.notes).toContain('line 10: POST /upload: sample body field size is not in the parameter table; added as a query parameter of type integer (from the sample value)');
    expect(r.notes).toContain('line 10: POST /upload: sample body field meta is not in the parameter table; added as a query parameter of type array (from the sample value)');
  });

  it('maps a type it cannot express to string and says so', () => {
    expect(r.notes).toContain('line 26: POST /upload: parameter data has unknown type "file"; used string');
  });

  it('reports a sample body that is not JSON', () => {
    const broken = importDocs(page.replace('\\"size\\": 12,', '\\"size\\": 12,,'), { file: 'body.txt' });
    expect(broken.notes.join('\n')).toMatch(/line 10: POST \/upload: the sample body is not valid JSON \(.*\); its fields were not used/);
    expect(op(broken, 'POST', '/upload').parameters.map((p) => p.name)).toEqual(['name', 'data']);
  });
});
