import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { markdownCode, stringLiteral } from './shared/escape.ts';
import { exampleCall, pagesCall } from './shared/examples.ts';
import { renderTemplate, type PackageInfo } from './shared/templates.ts';

const NO_OPERATIONS = '// (this API documents no operations)';

const SAMPLE_PASSWORD = "{ username: 'user@example.com', password: 'secret' }";

/** What the README says about each scheme the client offers, and the `auth` option it shows first. */
function authSection(model: ClientModel, provider: ProviderConfig): { notes: string[]; auth?: string } {
  const { schemes, apiKey } = model.auth;
  const notes: string[] = [];
  const shown: string[] = [];
  if (schemes.includes('basic')) {
    notes.push('HTTP Basic: `auth: { username, password }`' + (provider.hostbill ? ' (the account e-mail and password).' : '.'));
    shown.push(SAMPLE_PASSWORD);
  }
  if (schemes.includes('jwt')) {
    notes.push("JWT: `auth: { username, password, scheme: 'jwt' }`. The client logs in on the first call, refreshes the token before it expires or on a 401, and `client.logout()` revokes it.");
    shown.push("{ username: 'user@example.com', password: 'secret', scheme: 'jwt' }");
  }
  if (schemes.includes('bearer')) {
    notes.push('Bearer token: `auth: { token }`, sent as `Authorization: Bearer <token>`.');
    shown.push("{ token: 'your-access-token' }");
  }
  if (schemes.includes('apiKey')) {
    const where = apiKey ? `the \`${markdownCode(apiKey.name)}\` ${apiKey.in === 'query' ? 'query parameter' : 'header'}` : 'a header';
    notes.push(`API key: \`auth: { apiKey }\`, sent in ${where}.`);
    shown.push("{ apiKey: 'your-api-key' }");
  }
  if (notes.length === 0) notes.push('The document declares no authentication: the client sends no credentials (use `headers` for any the API wants).');
  return { notes, auth: shown[0] };
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
  const auth = authSection(model, provider);
  return renderTemplate('README.md.hbs', {
    ...info,
    packageName: provider.packageName,
    displayName: provider.displayName,
    baseUrl: provider.baseUrl,
    className: model.className,
    envPrefix: model.envPrefix,
    authNotes: auth.notes,
    authOptions: auth.auth ? `{ auth: ${auth.auth} }` : '',
    authOption: auth.auth ? `auth: ${auth.auth}, ` : '',
    passwordEnv: model.auth.schemes.includes('basic') || model.auth.schemes.includes('jwt'),
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
