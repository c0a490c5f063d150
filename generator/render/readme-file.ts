import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { markdownCode, stringLiteral } from './shared/escape.ts';
import { callShape, exampleCall, pagesCall, readResult, requiredArgs } from './shared/examples.ts';
import { hostbillInterfaces } from './hostbill-common.ts';
import { responseTypeName } from './shared/operation-types.ts';
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
    const where = apiKey ? `the \`${markdownCode(apiKey.name)}\` ${apiKey.in === 'query' ? 'query parameter' : apiKey.in === 'cookie' ? 'cookie' : 'header'}` : 'a header';
    // Browsers forbid a Cookie header in fetch: there the browser sends its own cookies for the origin.
    const browser = apiKey?.in === 'cookie' ? ' (Node, Deno, Bun; a browser forbids fetch to set cookies and sends its own)' : '';
    notes.push(`API key: \`auth: { apiKey }\`, sent in ${where}${browser}.`);
    shown.push("{ apiKey: 'your-api-key' }");
  }
  if (notes.length === 0) notes.push('The document declares no authentication: the client sends no credentials (use `headers` for any the API wants).');
  return { notes, auth: shown[0] };
}

/** A call and a line reading its typed answer, importing `toList` when that line uses it. */
function callAndRead(op: OperationModel, packageName: string): string {
  const read = readResult(op);
  const lines = [exampleCall(op), ...(read ? [read] : [])];
  return (read.includes('toList(') ? [`import { toList } from ${stringLiteral(packageName)};`, '', ...lines] : lines).join('\n');
}

/**
 * The operation a group's README example shows: a read that takes parameters and answers with a
 * collection (`getZone({ service_id, zone_id })` → `toList(result.records)`), else the nearest to that.
 */
function groupExample(ops: readonly OperationModel[]): OperationModel {
  const reads = ops.filter((o) => o.method === 'GET' && o.auth);
  const withParams = reads.filter((o) => o.requiredParams.length > 0);
  const collection = (o: OperationModel) => o.responseFields?.some((f) => f.collection) === true;
  const fields = (o: OperationModel) => (o.responseFields ?? []).length > 0;
  return withParams.find(collection) ?? withParams.find(fields) ?? reads.find(collection) ?? reads.find(fields) ?? reads[0] ?? (ops[0] as OperationModel);
}

/** Paging through `client.paginate` when no operation documents its pages: on a real list, typed by its response. */
function paginateFallback(op: OperationModel, packageName: string): string {
  const type = responseTypeName(op);
  const read = readResult(op, 'page') || 'console.log(page);';
  return [
    `import { operations, ${read.includes('toList(') ? 'toList, ' : ''}type ${type} } from ${stringLiteral(packageName)};`,
    '',
    `for await (const page of client.paginate<${type}>(operations.${op.operationId}, ${requiredArgs(op) || '{}'})) {`,
    `  ${read}`,
    '}',
  ].join('\n');
}

/** `README.md`: install, authentication, one example per group, every runtime feature, every operation. */
export function renderReadme(model: ClientModel, provider: ProviderConfig, info: PackageInfo): string {
  const examples = model.groups.map((g) => ({ title: g.title, snippet: callAndRead(groupExample(g.operations), provider.packageName) }));
  const ops = model.operations;
  const list = ops.find((o) => o.method === 'GET' && /^list/.test(o.name) && o.response === 'json' && o.responseFields?.some((f) => f.collection)) ?? ops.find((o) => o.method === 'GET' && /^list/.test(o.name));
  const interfaces = provider.hostbill ? hostbillInterfaces(model) : [];
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
    pagedFallback: list ? paginateFallback(list, provider.packageName) : '',
    interfaces: interfaces.filter((i) => i !== 'HostBillClient'),
    dnsTool: interfaces.includes('HostBillDns'),
    operations: ops.map((o) => ({ group: o.group, call: callShape(o), method: o.method, path: o.path, summary: o.summary ?? o.operationId })),
  });
}
