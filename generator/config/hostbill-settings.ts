/**
 * The HostBill settings a document implies: where the API lives (a leading `/api` on every path),
 * which auth it declares, where the JWT endpoints are and what their bodies call the tokens. Read
 * from the document as published; `provider.json` overrides any of them (see `readHostBillOverrides`).
 */
import { isObject, listOperations, resolveLocal, type OpenApiDocument } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';
import type { HostBillApiSettings, JwtSettings, ProviderAuthScheme, ProviderConfig } from './provider-config.ts';

/** What the runtime assumes when a client passes no `jwt` settings: HostBill's own routes and fields. */
export const DEFAULT_JWT: Readonly<JwtSettings> = { login: '/login', refresh: '/token', revoke: '/revoke', logout: '/logout', tokenField: 'token', refreshField: 'refresh' };

/** HostBill's User API takes Basic on every install, so a document that declares no scheme gets it. */
export const UNDECLARED_AUTH: readonly ProviderAuthScheme[] = ['basic'];

/** The only prefix moved: HostBill's User API lives under `/api` on the billing host. */
const API_PREFIX = '/api';

/** Each JWT endpoint: the HostBill route, else an operationId that says what it does (`refreshToken`, `signOut`). */
const JWT_ROUTES: Readonly<Record<'login' | 'refresh' | 'revoke' | 'logout', { route: string; operationId: RegExp }>> = {
  login: { route: '/login', operationId: /^(log_?in|sign_?in|authenticate)$/i },
  refresh: { route: '/token', operationId: /^(refresh(_?token)?|token_?refresh)$/i },
  revoke: { route: '/revoke', operationId: /^revoke(_?token)?$/i },
  logout: { route: '/logout', operationId: /^(log_?out|sign_?out)$/i },
};
/** Token member names in the order they are preferred when a body documents several. */
const TOKEN_FIELDS = ['token', 'access_token'] as const;
const REFRESH_FIELDS = ['refresh', 'refresh_token'] as const;

export interface DetectedHostBillSettings extends HostBillApiSettings {
  /** The schemes the document declares (Basic, bearer/JWT), in its order. */
  readonly auth: readonly ProviderAuthScheme[];
}

/** What `provider.json` may set explicitly; anything left out comes from the document. */
export interface HostBillOverrides {
  readonly apiPrefix?: string;
  readonly jwt?: Partial<JwtSettings>;
}

/**
 * The walkers read only `paths` and what local `$ref`s point at, which Swagger 2.0 documents have in
 * the same places, so a published document of either version is walked as it is.
 */
const walkable = (document: Record<string, unknown>): OpenApiDocument => document as unknown as OpenApiDocument;

/** `/api` when every path starts with it (and there is at least one path), else no prefix. */
function detectApiPrefix(doc: Record<string, unknown>): string {
  const paths = isObject(doc.paths) ? Object.keys(doc.paths) : [];
  const under = (p: string) => p === API_PREFIX || p.startsWith(`${API_PREFIX}/`);
  return paths.length > 0 && paths.every(under) ? API_PREFIX : '';
}

/**
 * Swagger 2.0 has no bearer scheme: a token in the Authorization header is an `apiKey` there (what
 * import-docs writes for a page's JWT), and HostBill's User API takes no other key in that header.
 */
const isAuthorizationHeaderKey = (scheme: Record<string, unknown>): boolean =>
  scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string' && scheme.name.toLowerCase() === 'authorization';

/** Swagger 2.0 `securityDefinitions` and OpenAPI 3 `components.securitySchemes`, as HostBill schemes. */
function detectAuth(doc: Record<string, unknown>): ProviderAuthScheme[] {
  const components = isObject(doc.components) ? doc.components : {};
  const declared = isObject(components.securitySchemes) ? components.securitySchemes : isObject(doc.securityDefinitions) ? doc.securityDefinitions : {};
  const found: ProviderAuthScheme[] = [];
  for (const raw of Object.values(declared)) {
    const scheme = resolveLocal<Record<string, unknown>>(walkable(doc), raw as Record<string, unknown>);
    if (!isObject(scheme)) continue;
    const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (scheme.type === 'basic' || (scheme.type === 'http' && httpScheme === 'basic')) found.push('basic');
    else if ((scheme.type === 'http' && httpScheme === 'bearer') || isAuthorizationHeaderKey(scheme)) found.push('jwt');
  }
  return [...new Set(found)];
}

/** Every member name a success response documents: schema properties, example keys, quoted names in its description. */
function documentedMembers(doc: OpenApiDocument, operation: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const addKeys = (value: unknown) => {
    const resolved = resolveLocal<unknown>(doc, value as object);
    if (isObject(resolved)) for (const key of Object.keys(resolved)) names.add(key);
  };
  const addSchema = (schema: unknown) => {
    const resolved = resolveLocal<Record<string, unknown>>(doc, schema as Record<string, unknown>);
    if (!isObject(resolved)) return;
    addKeys(resolved.properties);
    addKeys(resolved.example);
  };
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [code, raw] of Object.entries(responses)) {
    if (!/^2(\d\d|XX)$/i.test(code)) continue;
    const response = resolveLocal<Record<string, unknown>>(doc, raw as Record<string, unknown>);
    if (!isObject(response)) continue;
    addSchema(response.schema);
    if (isObject(response.examples)) for (const example of Object.values(response.examples)) addKeys(example);
    for (const media of Object.values(isObject(response.content) ? response.content : {})) {
      if (!isObject(media)) continue;
      addSchema(media.schema);
      addKeys(media.example);
      for (const raw of Object.values(isObject(media.examples) ? media.examples : {})) {
        const example = resolveLocal<Record<string, unknown>>(doc, raw as Record<string, unknown>);
        if (isObject(example)) addKeys(example.value);
      }
    }
    // HostBill exports write the example into the description as a fenced block.
    const description = typeof response.description === 'string' ? response.description : '';
    for (const match of description.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g)) names.add(match[1] as string);
  }
  return names;
}

function detectJwt(doc: OpenApiDocument, apiPrefix: string): JwtSettings {
  const operations = listOperations(doc).map((ref) => ({ ...ref, route: ref.path.slice(apiPrefix.length) || '/' }));
  const find = (which: keyof typeof JWT_ROUTES) => {
    const { route, operationId } = JWT_ROUTES[which];
    const posts = operations.filter((op) => op.method === 'post');
    return posts.find((op) => op.route === route) ?? posts.find((op) => typeof op.operation.operationId === 'string' && operationId.test(op.operation.operationId));
  };
  const login = find('login');
  const refresh = find('refresh');
  const members = new Set<string>();
  for (const op of [login, refresh]) if (op) for (const name of documentedMembers(doc, op.operation as unknown as Record<string, unknown>)) members.add(name);
  const pick = (candidates: readonly string[], fallback: string) => candidates.find((name) => members.has(name)) ?? fallback;
  return {
    login: login?.route ?? DEFAULT_JWT.login,
    refresh: refresh?.route ?? DEFAULT_JWT.refresh,
    revoke: find('revoke')?.route ?? DEFAULT_JWT.revoke,
    logout: find('logout')?.route ?? DEFAULT_JWT.logout,
    tokenField: pick(TOKEN_FIELDS, DEFAULT_JWT.tokenField),
    refreshField: pick(REFRESH_FIELDS, DEFAULT_JWT.refreshField),
  };
}

/** The settings the document implies, from the document as published (Swagger 2.0 or OpenAPI 3). */
export function detectHostBillSettings(document: Record<string, unknown>): DetectedHostBillSettings {
  const apiPrefix = detectApiPrefix(document);
  return { apiPrefix, auth: detectAuth(document), jwt: detectJwt(walkable(document), apiPrefix) };
}

/** The optional HostBill settings of a parsed provider.json; problems name the file and the JSON pointer. */
export function readHostBillOverrides(raw: Record<string, unknown>, file: string): HostBillOverrides {
  const fail = (pointer: string, problem: string): never => {
    throw new GeneratorError({ file, pointer }, problem);
  };
  const route = (value: unknown, pointer: string): string => {
    if (typeof value !== 'string' || !/^\/[^\s?#]*$/.test(value)) return fail(pointer, `${JSON.stringify(value)} must be a path starting with "/"`);
    return value;
  };
  let apiPrefix: string | undefined;
  if (raw.apiPrefix !== undefined) apiPrefix = raw.apiPrefix === '' ? '' : route(raw.apiPrefix, '/apiPrefix').replace(/\/+$/, '');
  if (raw.jwt === undefined) return apiPrefix === undefined ? {} : { apiPrefix };
  if (!isObject(raw.jwt)) return fail('/jwt', '"jwt" must be an object');
  const jwt: Partial<Record<keyof JwtSettings, string>> = {};
  for (const [key, value] of Object.entries(raw.jwt)) {
    if (key === 'login' || key === 'refresh' || key === 'revoke' || key === 'logout') jwt[key] = route(value, `/jwt/${key}`);
    else if (key === 'tokenField' || key === 'refreshField') {
      if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(value)) fail(`/jwt/${key}`, `"${key}" must be a JSON member name`);
      jwt[key] = value as string;
    } else fail(`/jwt/${key}`, `unknown JWT setting "${key}"; known: login, refresh, revoke, logout, tokenField, refreshField`);
  }
  return { ...(apiPrefix !== undefined ? { apiPrefix } : {}), jwt };
}

/**
 * The provider's config with its HostBill settings: provider.json's where it has them, the
 * document's otherwise. `authGiven`: provider.json lists `auth` (else the document's schemes apply,
 * and Basic where it declares none).
 * A base URL that does not yet end with the API prefix gets it, since the paths lose it.
 */
export function withHostBillSettings(config: ProviderConfig, overrides: HostBillOverrides, detected: DetectedHostBillSettings, authGiven: boolean): ProviderConfig {
  const apiPrefix = overrides.apiPrefix ?? detected.apiPrefix;
  const baseUrl = apiPrefix !== '' && !config.baseUrl.endsWith(apiPrefix) ? `${config.baseUrl}${apiPrefix}` : config.baseUrl;
  return {
    ...config,
    baseUrl,
    auth: authGiven ? config.auth : detected.auth.length > 0 ? detected.auth : [...UNDECLARED_AUTH],
    hostbillApi: { apiPrefix, jwt: { ...detected.jwt, ...overrides.jwt } },
  };
}
