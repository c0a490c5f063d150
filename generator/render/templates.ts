import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { ProviderConfig } from '../config/provider-config.ts';
import { propertyKey } from '../model/identifiers.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { stringLiteral } from './client.ts';
import { cleanProse } from './doc-comments.ts';

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/**
 * Handlebars with HTML escaping off: our outputs are JSON, Markdown and TS, and each context gets
 * its own escaping helper (`json`, `md`, `code`), so spec text is inert wherever it lands.
 */
const hbs = Handlebars.create();
hbs.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
hbs.registerHelper('md', (value: unknown) =>
  cleanProse(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1'),
);
hbs.registerHelper('code', (value: unknown) => String(value ?? '').replace(/`/g, 'ˋ').replace(/[\r\n|]/g, ' '));

const compiled = new Map<string, Handlebars.TemplateDelegate>();
async function template(name: string): Promise<Handlebars.TemplateDelegate> {
  let t = compiled.get(name);
  if (!t) {
    t = hbs.compile(await readFile(path.join(TEMPLATES_DIR, 'package', name), 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, t);
  }
  return t;
}

function sampleLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sampleLiteral).join(', ')}]`;
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

interface CallOptions {
  /** The variable holding the client (default `client`). */
  readonly receiver?: string;
  /** Source text of the per-call options argument. */
  readonly options?: string;
  /** Wrap as `const { data, response } = await ….withResponse()`. */
  readonly raw?: boolean;
}

/** A compiling call of the operation with its required parameters filled with sample values. */
export function exampleCall(op: OperationModel, call: CallOptions = {}): string {
  const args = op.requiredParams.map((p) => `${propertyKey(p.name)}: ${sampleLiteral(p.sample)}`);
  const params = args.length > 0 ? `{ ${args.join(', ')} }` : call.options ? '{}' : '';
  const argList = call.options ? `${params}, ${call.options}` : params;
  const expression = `${call.receiver ?? 'client'}.${op.group}.${op.name}(${argList})`;
  if (call.raw) return `const { data, response } = await ${expression}.withResponse();`;
  return `const ${op.response === 'binary' ? 'file' : 'result'} = await ${expression};`;
}

function pagesCall(op: OperationModel): string {
  const args = op.requiredParams.map((p) => `${propertyKey(p.name)}: ${sampleLiteral(p.sample)}`);
  return `for await (const page of client.${op.group}.${op.name}Pages(${args.length > 0 ? `{ ${args.join(', ')} }` : ''})) console.log(page);`;
}

export interface PackageInfo {
  readonly version: string;
  readonly specVersion: string;
  readonly specHash: string;
  /** The spec file, relative to the project root. */
  readonly specPath: string;
}

export async function renderPackageFiles(model: ClientModel, provider: ProviderConfig, info: PackageInfo): Promise<Record<string, string>> {
  const envPrefix = provider.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const authNotes: string[] = [];
  if (provider.auth.includes('basic')) authNotes.push('HTTP Basic: `auth: { username, password }` (the account e-mail and password).');
  if (provider.auth.includes('jwt')) {
    authNotes.push("JWT: `auth: { username, password, scheme: 'jwt' }`. The client logs in on the first call, refreshes the token before it expires or on a 401, and `client.logout()` revokes it.");
  }
  if (authNotes.length === 0) authNotes.push('The document declares no authentication.');
  const examples = model.groups.map((g) => {
    const op = g.operations.find((o) => o.method === 'GET' && o.auth) ?? (g.operations[0] as OperationModel);
    return { title: g.title, snippet: exampleCall(op) };
  });
  const ops = model.operations;
  const read = ops.find((o) => o.method === 'GET' && o.auth && o.response === 'json') ?? ops.find((o) => o.method === 'GET') ?? ops[0];
  const write = ops.find((o) => o.method === 'POST' && o.auth) ?? read;
  const paged = ops.find((o) => o.paged);
  const none = '// (this API documents no operations)';
  const data = {
    ...info,
    packageName: provider.packageName,
    providerId: provider.id,
    displayName: provider.displayName,
    description: `Typed TypeScript client for the ${provider.displayName} API`,
    baseUrl: provider.baseUrl,
    className: model.className,
    envPrefix,
    jwtDefault: !model.auth.schemes.includes('basic') && model.auth.schemes.includes('jwt'),
    authNotes,
    examples,
    hostbill: provider.hostbill,
    hasJwt: model.auth.schemes.includes('jwt'),
    operationCount: ops.length,
    groupCount: model.groups.length,
    readCall: read ? exampleCall(read) : none,
    readCallTimeout: read ? exampleCall(read, { receiver: 'quick', options: '{ timeout: 5_000 }' }) : none,
    readCallSignal: read ? exampleCall(read, { options: '{ signal: controller.signal }' }) : none,
    writeCallRetry: write ? exampleCall(write, { receiver: 'patient', options: '{ retry: true }' }) : none,
    rawCall: read ? exampleCall(read, { raw: true }) : 'const { data, response } = { data: undefined, response: new Response() };',
    pagedCall: paged ? pagesCall(paged) : '',
    pagedFallbackId: read ? `[${stringLiteral(read.operationId)}]` : '',
    operations: model.operations.map((o) => ({ ...o, summary: o.summary ?? o.operationId })),
  };
  return {
    'package.json': (await template('package.json.hbs'))(data),
    'tsconfig.json': (await template('tsconfig.json.hbs'))(data),
    'README.md': (await template('README.md.hbs'))(data),
  };
}
