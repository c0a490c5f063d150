import { mediaKind } from '../runtime/internal/media-types.js';
import type { OperationSpec } from '../runtime/types.js';
import { routeKey, type Catalog, type OperationRules } from './catalog-types.js';
import { authenticate, jwtEndpoint, type Account } from './auth.js';
import { createDnsState, dnsShape, type DnsZoneSeed } from './dns.js';
import { createJwtIssuer } from './jwt.js';
import { pageOf, type PagedList } from './paging.js';
import { parseQuery } from './query.js';
import { redactFields, redactHeaders, redactUrl } from './redact.js';
import { errorReply, throttleReply, toResponse, type ErrorEntry, type Reply } from './reply.js';
import { createRouter, type Route } from './route.js';
import { checkRequest } from './validate.js';

/**
 * An offline stand-in for the provider's API, driven by the package's own `operations` table and
 * the catalog the generator wrote from its OpenAPI document. Pass its `fetch` to the client: each
 * request is routed to its operation, checked the way HostBill checks it (refused with
 * `{ "error": [ … ] }` and a 4xx status), and answered with the documented example, the DNS state,
 * the JWT flow, or what the test asked for with `on()`.
 */

export interface MockOptions {
  /** Where the client sends requests; default the provider's base URL. Only its path matters. */
  baseUrl?: string | undefined;
  /** The account: Basic credentials and `POST /login` are checked against it. Default: any credentials pass. */
  credentials?: Account | undefined;
  /** Lifetime of access tokens in seconds (refresh tokens live twice as long); default 3600. */
  tokenLifetime?: number | undefined;
  /** The clock for token expiry, in ms; default `Date.now`. Move it forward to expire tokens without waiting. */
  now?: (() => number) | undefined;
  /** DNS zones to start with; default the zones of the documented examples. */
  dns?: readonly DnsZoneSeed[] | undefined;
}

/** One request the mock received. Credentials (headers, password and token fields) read `***`. */
export interface MockCall {
  /** `group.method`, as the client spells the call; `undefined` when no operation matched. */
  readonly operation: string | undefined;
  readonly method: string;
  readonly url: string;
  /** Path, query and body fields together, as the client took them (a whole-body operation's body under `body`). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** The status answered; 0 for a dropped connection, or while the answer is pending. */
  readonly status: number;
}

/**
 * What `on()` makes an operation answer. `delay` and `drop` act first; otherwise authentication and
 * the checks still come first, so a bad request is refused whatever the override says.
 */
export interface MockAnswer {
  /** Answer with this JSON (status 200 unless `status` says otherwise). */
  data?: unknown;
  /** The HTTP status; alone and ≥ 400, an HTTP error with a HostBill error body. */
  status?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** A raw body (an HTML error page, a file), sent as is. */
  body?: string | Uint8Array | undefined;
  /** HostBill error entries, `{ "error": errors }`; status 400 unless `status` says otherwise (HostBill also sends them with 200). */
  errors?: readonly ErrorEntry[] | undefined;
  /** HostBill's action throttle: 401 with `[["wait_x_between_action", throttle], "unauthorized"]`. */
  throttle?: number | undefined;
  /** Milliseconds to wait before answering (the request's signal still aborts it). */
  delay?: number | undefined;
  /** Drop the connection: `fetch` rejects as it does when a socket closes. */
  drop?: boolean | undefined;
  /** Page through this list (`?page=N`, `page: { current, total }`). */
  pages?: PagedList | undefined;
  /** Answer this way this many times, then as before; default every time. */
  times?: number | undefined;
}

/** Decides per request (the call as `calls` shows it, credentials redacted); `undefined` answers as if no override were set. */
export type MockHandler = (call: MockCall) => MockAnswer | undefined | Promise<MockAnswer | undefined>;

export interface MockProvider {
  /** Pass as the client's `fetch` option. */
  readonly fetch: typeof fetch;
  /** Every request received, oldest first. */
  readonly calls: readonly MockCall[];
  /** The names `on()` takes: `group.method` of every operation. */
  readonly operations: readonly string[];
  /** Overrides an operation's answer, by `group.method` (`'dns.getServiceDnsByZoneId'`) or its `operations` key. */
  on(operation: string, answer: MockAnswer | MockHandler): MockProvider;
  /** Removes the override of one operation, or of all. */
  off(operation?: string): MockProvider;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

const fileBytes = (op: OperationSpec, type: string | undefined): Uint8Array =>
  new TextEncoder().encode(/pdf/i.test(type ?? '') ? '%PDF-1.4\n% mock file\n%%EOF\n' : `mock file: ${op.method} ${op.path}\n`);


const MALFORMED = Symbol('malformed JSON');

/**
 * The request body as the client encoded it (see the runtime's encode-body): form fields (multipart or
 * urlencoded) as an object, a repeated field as an array, files as File; text as a string; other bytes
 * as a Blob; JSON (the default) parsed.
 */
async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? 'application/json';
  const kind = mediaKind(type);
  if (kind === 'multipart' || kind === 'form') {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of await request.formData()) {
      const seen = fields[name];
      fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    return fields;
  }
  if (kind === 'binary') {
    const blob = await request.blob();
    return blob.size > 0 ? blob : undefined;
  }
  const text = await request.text();
  if (text === '' || kind === 'text') return text === '' ? undefined : text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return MALFORMED;
  }
}

export function createMock(
  operations: Readonly<Record<string, OperationSpec>>,
  catalog: Catalog,
  options: MockOptions = {},
): MockProvider {
  const route = createRouter(operations);
  const rulesOf = (op: OperationSpec): OperationRules | undefined => catalog.operations[routeKey(op)];
  const label = (op: OperationSpec) => `${op.group}.${op.name}`;
  const names = new Map<string, string>(); // name or key → key
  for (const [key, op] of Object.entries(operations)) names.set(label(op), key).set(key, key);

  const now = options.now ?? Date.now;
  const jwt = createJwtIssuer(options.tokenLifetime ?? 3600, now);
  const account = options.credentials;
  /** The documented answer of the DNS read with this route shape, which seeds the DNS state. */
  const documentedRead = (shape: string) => {
    const op = Object.values(operations).find((o) => o.method === 'GET' && dnsShape(o) === shape);
    return op ? rulesOf(op)?.answer : undefined;
  };
  const dns = createDnsState(options.dns, { zones: documentedRead('zones'), zone: documentedRead('zone') });

  const overrides = new Map<string, { answer: MockAnswer | MockHandler; left: number }>();
  const calls: MockCall[] = [];
  const basePath = (() => {
    try {
      return new URL(options.baseUrl ?? catalog.baseUrl ?? 'http://localhost/').pathname.replace(/\/+$/, '');
    } catch {
      return '';
    }
  })();

  const find = (method: string, pathname: string, query: URLSearchParams, headers: Headers) => {
    const stripped = basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
    return (stripped !== undefined ? route(method, stripped, query, headers) : undefined) ?? route(method, pathname, query, headers);
  };

  const fromAnswer = (op: OperationSpec, a: MockAnswer, query: Record<string, unknown>): Reply => {
    const headers = a.headers;
    if (a.throttle !== undefined) return { ...throttleReply(a.throttle), headers };
    if (a.errors) return { ...errorReply(a.status ?? 400, a.errors), headers };
    if (a.body !== undefined) return { status: a.status ?? 200, raw: a.body, headers };
    if (a.pages) return { status: a.status ?? 200, json: pageOf(a.pages, query['page'], rulesOf(op)?.answer), headers };
    if (a.data !== undefined) return { status: a.status ?? 200, json: a.data, headers };
    const status = a.status ?? 200;
    return status >= 400 ? { ...errorReply(status, [`HTTP ${status}`]), headers } : { ...defaultReply(op), status, headers };
  };

  const defaultReply = (op: OperationSpec): Reply => {
    const rules = rulesOf(op);
    if (op.response === 'binary') return { status: rules?.status ?? 200, raw: fileBytes(op, rules?.contentType), contentType: rules?.contentType };
    return { status: rules?.status ?? 200, json: rules?.answer ?? {} };
  };

  /** The override for this call, if any, and `spend()` to count one use of it (`times`). */
  const override = async (key: string, call: MockCall) => {
    const entry = overrides.get(key);
    const answer = entry && (typeof entry.answer === 'function' ? await entry.answer(call) : entry.answer);
    const spend = () => {
      if (entry && --entry.left <= 0 && overrides.get(key) === entry) overrides.delete(key);
    };
    return { answer, spend };
  };

  const handle = async (request: Request, call: { -readonly [K in keyof MockCall]: MockCall[K] }): Promise<Reply> => {
    const url = new URL(request.url);
    const match = find(request.method, url.pathname, url.searchParams, request.headers);
    if (!match || 'wrongMethod' in match) return errorReply(404, ['invalid method']);
    const { key, op, path }: Route = match.route;
    call.operation = label(op);

    const read = await readBody(request);
    if (read === MALFORMED) return errorReply(400, ['body: malformed JSON']);
    const body = read;
    const objects = (rulesOf(op)?.params ?? []).filter((p) => p.in === 'query' && p.schema?.type === 'object').map((p) => p.name);
    const query = parseQuery(url.searchParams, op.queryStyles, op.queryParams, objects);
    const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const params = { ...path, ...query, ...(op.body === 'whole' ? (body === undefined ? {} : { body }) : fields) };
    call.params = redactFields(params) as Record<string, unknown>;
    call.body = redactFields(body);

    const authorization = request.headers.get('authorization') ?? '';
    const { answer, spend } = await override(key, call);
    // `{ delay }` alone (with `times`) only slows the usual answer down.
    const answersItself = answer !== undefined && Object.keys(answer).some((k) => k !== 'delay' && k !== 'times');
    if (answer?.delay) await sleep(answer.delay, request.signal);
    if (answer && (answer.drop || !answersItself)) spend();
    if (answer?.drop) throw new TypeError('fetch failed', { cause: new Error('other side closed (mock)') });

    const refused = authenticate(op, authorization, account, jwt);
    if (refused) return refused;
    const problems = checkRequest(rulesOf(op), { path, query, body, headers: Object.fromEntries(request.headers) });
    if (problems.length > 0) return errorReply(400, problems);
    if (answer && answersItself) {
      spend(); // a refused request leaves the override for the next one
      return fromAnswer(op, answer, query);
    }

    return jwtEndpoint(op, fields, authorization, account, jwt, rulesOf(op)?.answer) ?? dns.handle(op, path, body, rulesOf(op)?.answer) ?? defaultReply(op);
  };

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const call = {
      operation: undefined as string | undefined,
      method: request.method,
      url: redactUrl(new URL(request.url)),
      params: {},
      body: undefined as unknown,
      headers: redactHeaders(request.headers),
      status: 0,
    };
    calls.push(call);
    const reply = await handle(request, call);
    call.status = reply.status;
    return toResponse(reply);
  };

  const mock: MockProvider = {
    fetch: mockFetch as typeof fetch,
    calls,
    operations: Object.values(operations).map(label),
    on(operation, answer) {
      const key = names.get(operation);
      if (key === undefined) throw new Error(`The mock has no operation "${operation}"; it knows ${mock.operations.slice(0, 5).join(', ')}, …`);
      const times = typeof answer === 'function' ? undefined : answer.times;
      overrides.set(key, { answer, left: times ?? Infinity });
      return mock;
    },
    off(operation) {
      if (operation === undefined) overrides.clear();
      else overrides.delete(names.get(operation) ?? operation);
      return mock;
    },
  };
  return mock;
}
