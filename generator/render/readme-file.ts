import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { stringLiteral } from './shared/escape.ts';
import { exampleCall, pagesCall } from './shared/examples.ts';
import { renderTemplate, type PackageInfo } from './shared/templates.ts';

const NO_OPERATIONS = '// (this API documents no operations)';

function authNotes(provider: ProviderConfig): string[] {
  const notes: string[] = [];
  if (provider.auth.includes('basic')) notes.push('HTTP Basic: `auth: { username, password }` (the account e-mail and password).');
  if (provider.auth.includes('jwt')) {
    notes.push("JWT: `auth: { username, password, scheme: 'jwt' }`. The client logs in on the first call, refreshes the token before it expires or on a 401, and `client.logout()` revokes it.");
  }
  if (notes.length === 0) notes.push('The document declares no authentication.');
  return notes;
}

/** `README.md`: install, authentication, one example per group, every runtime feature, every operation. */
export function renderReadme(model: ClientModel, provider: ProviderConfig, info: PackageInfo): string {
  const examples = model.groups.map((g) => {
    const op = g.operations.find((o) => o.method === 'GET' && o.auth) ?? (g.operations[0] as OperationModel);
    return { title: g.title, snippet: exampleCall(op) };
  });
  const ops = model.operations;
  const read = ops.find((o) => o.method === 'GET' && o.auth && o.response === 'json') ?? ops.find((o) => o.method === 'GET') ?? ops[0];
  const write = ops.find((o) => o.method === 'POST' && o.auth) ?? read;
  const paged = ops.find((o) => o.paged);
  return renderTemplate('README.md.hbs', {
    ...info,
    packageName: provider.packageName,
    displayName: provider.displayName,
    baseUrl: provider.baseUrl,
    className: model.className,
    envPrefix: model.envPrefix,
    jwtDefault: !model.auth.schemes.includes('basic') && model.auth.schemes.includes('jwt'),
    authNotes: authNotes(provider),
    examples,
    hostbill: provider.hostbill,
    hasJwt: model.auth.schemes.includes('jwt'),
    operationCount: ops.length,
    groupCount: model.groups.length,
    readCall: read ? exampleCall(read) : NO_OPERATIONS,
    readCallTimeout: read ? exampleCall(read, { receiver: 'quick', options: '{ timeout: 5_000 }' }) : NO_OPERATIONS,
    readCallSignal: read ? exampleCall(read, { options: '{ signal: controller.signal }' }) : NO_OPERATIONS,
    writeCallRetry: write ? exampleCall(write, { receiver: 'patient', options: '{ retry: true }' }) : NO_OPERATIONS,
    rawCall: read ? exampleCall(read, { raw: true }) : 'const { data, response } = { data: undefined, response: new Response() };',
    pagedCall: paged ? pagesCall(paged) : '',
    pagedFallbackId: read ? `[${stringLiteral(read.operationId)}]` : '',
    operations: ops.map((o) => ({ group: o.group, name: o.name, method: o.method, path: o.path, summary: o.summary ?? o.operationId })),
  });
}
