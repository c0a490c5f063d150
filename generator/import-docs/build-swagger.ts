import { createHash } from 'node:crypto';
import { nameOperations } from '../naming/index.ts';
import { authenticatedItemOf, SAMPLE_WITHOUT_AUTH } from '../openapi/index.ts';
import { ImportDocsError, type ImportNote } from './errors.ts';
import { buildPageContext, buildParameters, type SwaggerParameter } from './params.ts';
import type { PageOperation, ReadPage } from './read-page.ts';

/**
 * Assembles the Swagger 2.0 document in the shape HostBill publishes for Time4VPS: `@name` paths,
 * every non-path field `in: query`, the example response as a fenced block in the 200
 * response's description.
 */

export interface SwaggerOperation {
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly operationId: string;
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  readonly parameters: readonly SwaggerParameter[];
  readonly responses: { readonly '200': { readonly description: string } };
  readonly security?: readonly never[];
  readonly 'x-clientgen-sample-without-auth'?: true;
}

export interface ImportedSwagger {
  readonly swagger: '2.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly host: string;
  readonly basePath: string;
  readonly schemes: readonly string[];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  readonly securityDefinitions?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly security?: readonly Readonly<Record<string, readonly never[]>>[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, SwaggerOperation>>>>;
  readonly 'x-import-notes': readonly string[];
}

export const DEFAULT_TAG = 'default';

/** Routes whose responses are files though the page does not say which type. */
const FILE_DOWNLOADS: Readonly<Record<string, string>> = {
  'GET /ticket/attachment/@file': 'application/octet-stream',
  'GET /certificate/@id/crt': 'application/octet-stream',
};

const SECURITY_SCHEMES = {
  basic: { type: 'basic' },
  jwt: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-scheme': 'bearer', 'x-bearer-format': 'JWT' },
} as const;

export interface BaseUrl {
  readonly host: string;
  readonly basePath: string;
}

/** The API base URL: the PHP samples' `base_uri`, else the first curl URL cut before the request path. */
export function findBaseUrl(lines: readonly string[], page: ReadPage): BaseUrl | undefined {
  for (const line of lines) {
    const m = /'base_uri'\s*=>\s*'(https?:\/\/[^']+)'/.exec(line);
    if (m) return toBaseUrl(m[1] as string);
  }
  for (const op of page.operations) {
    const url = op.samples.curl?.url;
    if (url !== undefined && url.endsWith(op.path.slice(1))) return toBaseUrl(url.slice(0, url.length - op.path.length + 1));
  }
  return undefined;
}

function toBaseUrl(text: string): BaseUrl | undefined {
  try {
    const url = new URL(text);
    return { host: url.host, basePath: url.pathname.replace(/\/+$/, '') || '/' };
  } catch {
    return undefined;
  }
}

const tagOf = (op: PageOperation): string => op.section ?? DEFAULT_TAG;

/** The operationIds the page's operations get: their keys, as the naming module decides them for HostBill routes. */
function operationIds(file: string, ops: readonly PageOperation[]): string[] {
  const inputs = ops.map((op, i) => ({ pointer: String(i), path: op.path, method: op.method.toLowerCase(), tag: tagOf(op) }));
  const plan = nameOperations(inputs, { hostbill: true });
  const clash = plan.clashes[0];
  if (clash) {
    const [op, before] = [ops[Number(clash.pointer)], ops[Number(clash.other)]] as [PageOperation, PageOperation];
    throw new ImportDocsError(file, op.line, `${op.method} ${op.path} and ${before.method} ${before.path} (line ${before.line}) both get the method name ${clash.name}`);
  }
  return inputs.map((input) => (plan.names.get(input.pointer) as { key: string }).key);
}

function producesFor(op: PageOperation, notes: ImportNote[]): string[] {
  const stated = /Content-Type:\s*([\w.+-]+\/[\w.+-]+)/i.exec(op.description)?.[1];
  if (stated !== undefined) return [stated.toLowerCase()];
  const known = FILE_DOWNLOADS[`${op.method} ${op.path}`];
  if (known !== undefined) return [known];
  if (op.method === 'GET' && /^(?:download|view) /i.test(op.title ?? '')) {
    notes.push({ line: op.titleLine ?? op.line, message: `${op.method} ${op.path} (${JSON.stringify(op.title)}) may return a file, but the page states no content type; kept application/json` });
  }
  return ['application/json'];
}

function checkSampleUrl(op: PageOperation, base: BaseUrl, notes: ImportNote[]): void {
  const curl = op.samples.curl;
  if (curl === undefined) return;
  const prefix = `https://${base.host}${base.basePath === '/' ? '' : base.basePath}`;
  const samplePath = curl.url.startsWith(prefix) ? curl.url.slice(prefix.length) : curl.url;
  if (samplePath !== op.path || curl.method !== op.method) {
    notes.push({ line: curl.line, message: `the sample calls ${curl.method} ${JSON.stringify(curl.url)}, which does not match the request line ${op.method} ${op.path} (line ${op.line}); used the request line` });
  }
}

export function buildSwagger(file: string, text: string, lines: readonly string[], page: ReadPage, host: string | undefined, notes: ImportNote[]): ImportedSwagger {
  const found = findBaseUrl(lines, page);
  if (found === undefined && host === undefined) {
    throw new ImportDocsError(file, 1, 'no API base URL found in the samples (no `base_uri` and no curl URL ending in the request path); pass a host');
  }
  const base: BaseUrl = { host: host ?? (found as BaseUrl).host, basePath: found?.basePath ?? '/api' };
  const routes = new Map<string, PageOperation>();
  for (const op of page.operations) {
    const key = `${op.method} ${op.path}`;
    const before = routes.get(key);
    if (before !== undefined) throw new ImportDocsError(file, op.line, `${key} is documented twice (first at line ${before.line})`);
    routes.set(key, op);
  }
  const context = buildPageContext(page.operations);
  const authenticated = page.operations.filter((op) => (op.samples.curl?.auth.length ?? 0) > 0).map((op) => op.path);
  const ids = operationIds(file, page.operations);

  const titles = new Map<string, PageOperation>();
  const paths: Record<string, Record<string, SwaggerOperation>> = {};
  page.operations.forEach((op, i) => {
    checkSampleUrl(op, base, notes);
    if (op.title !== undefined) {
      const before = titles.get(op.title);
      if (before !== undefined) notes.push({ line: op.titleLine ?? op.line, message: `${op.method} ${op.path} has the title ${JSON.stringify(op.title)}, as ${before.method} ${before.path} (line ${before.line}) does` });
      else titles.set(op.title, op);
    }
    const parameters = buildParameters(
      { method: op.method, path: op.path, line: op.line, rows: op.rows, bodies: op.samples.bodies, description: op.description, descriptionLine: op.descriptionLine },
      context,
      notes,
    );
    if ((op.method === 'PUT' || op.method === 'PATCH') && parameters.every((p) => p.in === 'path') && op.samples.bodies.length === 0) {
      notes.push({ line: op.line, message: `${op.method} ${op.path} documents no payload fields, only its path parameters` });
    }
    let security: readonly never[] | undefined;
    let sampleWithoutAuth = false;
    if (op.samples.curl === undefined) notes.push({ line: op.line, message: `${op.method} ${op.path} has no curl sample, so whether it needs auth is unknown; left to the global security` });
    else if (op.samples.curl.auth.length === 0) {
      // A sample that omits credentials is not proof an operation needs none: one acting on the account's own items does.
      const item = authenticatedItemOf(op.path, authenticated);
      if (item === undefined) security = [];
      else {
        sampleWithoutAuth = true;
        notes.push({ line: op.samples.curl.line, message: `${op.method} ${op.path}: the sample shows no credentials, but the operation acts on ${item}, whose other operations send them; left to the global security` });
      }
    }
    const example = op.samples.example;
    const operation: SwaggerOperation = {
      tags: [tagOf(op)],
      ...(op.title !== undefined ? { summary: op.title } : {}),
      ...(op.description !== '' ? { description: op.description } : {}),
      operationId: ids[i] as string,
      consumes: ['application/json'],
      produces: producesFor(op, notes),
      parameters,
      responses: { '200': { description: example ? '```json\n' + example.text + '\n```' : 'Success' } },
      ...(security ? { security } : {}),
      ...(sampleWithoutAuth ? { [SAMPLE_WITHOUT_AUTH]: true as const } : {}),
    };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operation;
  });

  const tags = page.sections.map((s) => ({ name: s.name, ...(s.intro !== '' ? { description: s.intro } : {}) }));
  if (page.operations.some((op) => op.section === undefined)) tags.unshift({ name: DEFAULT_TAG });

  const schemes = page.intro.auth.map((a) => a.kind);
  if (schemes.length === 0) notes.push({ line: 1, message: 'the page documents no authentication; no securityDefinitions' });
  const login = page.operations.find((op) => op.method === 'POST' && op.path === '/login');
  if (login !== undefined && schemes.length > 0 && !schemes.includes('jwt')) {
    notes.push({ line: login.line, message: 'POST /login hands out tokens, but the page documents only Basic authentication; securityDefinitions list basic only' });
  }
  const title = page.intro.title ?? base.host;
  return {
    swagger: '2.0',
    info: {
      title: `${title} User API`,
      version: `userapi-docs-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`,
      description: page.intro.description ?? `User API of ${base.host}, imported from its API page.`,
    },
    host: base.host,
    basePath: base.basePath,
    schemes: ['https'],
    tags,
    ...(schemes.length > 0
      ? {
          securityDefinitions: Object.fromEntries(schemes.map((s) => [s, SECURITY_SCHEMES[s]])),
          security: schemes.map((s) => ({ [s]: [] as never[] })),
        }
      : {}),
    paths,
    'x-import-notes': [],
  };
}
