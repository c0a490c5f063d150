import { ApiError, InvalidResponseError, errorFromResponse, excerpt } from './errors.js';
import type { OperationSpec } from './types.js';

/**
 * `[url, shownUrl, label, body]`: `shownUrl` is `url` with an API key in the query replaced by `***`
 * (for hooks, logs and messages); `label` is `METHOD /path` for error messages (no origin, which may hold
 * credentials, and no query, so no secrets).
 */
export type BuiltRequest = [url: string, shownUrl: string, label: string, body: string | undefined];

const decoder = new TextDecoder();
export const decode = (buf: ArrayBuffer): string => decoder.decode(buf);

/**
 * Query values, PHP style (what HostBill parses): `undefined` and `null` are skipped; arrays become
 * `name[]=a&name[]=b` (items that are objects or arrays get their index, `name[0][key]=v`, so PHP
 * keeps them apart); objects become `name[key]=v`, recursively; booleans `1`/`0` like PHP's
 * `http_build_query`; dates ISO 8601; everything else `String(value)`.
 */
function addQuery(q: URLSearchParams, name: string, v: unknown): void {
  if (v == null) return;
  if (Array.isArray(v)) v.forEach((x, i) => addQuery(q, `${name}[${x !== null && typeof x === 'object' ? i : ''}]`, x));
  else if (v instanceof Date) q.append(name, v.toISOString());
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) addQuery(q, `${name}[${k}]`, x);
  else q.append(name, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
}

/** Builds URL and body; throws before any request on a missing or unsafe path parameter. */
export function buildRequest(
  baseUrl: string,
  op: OperationSpec,
  params: Record<string, unknown>,
  queryKey?: readonly [string, string],
): BuiltRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params[name];
    const s = v == null ? '' : encodeURIComponent(String(v));
    // '', '.' and '..' would change the path even when encoded ('%2e%2e' is a dot segment too).
    if (/^\.{0,2}$/.test(s)) throw new ApiError(`${op.name}: missing or invalid path parameter "${name}"`);
    return s;
  });
  const url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const q = new URLSearchParams();
  for (const name of op.queryParams) addQuery(q, name, params[name]);
  const withQuery = (key?: string) => {
    if (key) q.set(queryKey![0], key);
    const s = `${q}`;
    return s ? `${url}?${s}` : url;
  };
  const body =
    op.method === 'GET' || op.method === 'HEAD' || op.body === 'none'
      ? undefined
      : JSON.stringify(
          op.body === 'whole'
            ? (params['body'] ?? {})
            : Object.fromEntries(op.bodyParams.filter((n) => params[n] !== undefined).map((n) => [n, params[n]])),
        );
  return [withQuery(queryKey?.[1]), withQuery(queryKey && '***'), `${op.method} ${url.replace(/^\w+:\/\/[^/]*/, '')}`, body];
}

/**
 * Reads a 2xx body. Binary operations get a Blob. JSON operations: JSON (also JSON served as
 * text/* or without a content type, as PHP often does), `undefined` when empty, a Blob for other
 * content types; an HTML page or malformed JSON is an InvalidResponseError quoting ≤ 200 chars.
 * With `hostbill`, an object body with an `error` entry is an API error.
 */
export function parseBody(op: OperationSpec, res: Response, buf: ArrayBuffer, label: string, hostbill: boolean): unknown {
  const type = res.headers.get('content-type') ?? '';
  const blob = () => new Blob([buf], { type });
  if (op.response === 'binary') return blob();
  if (!buf.byteLength) return undefined;
  const isJson = /json/i.test(type);
  if (!isJson && type && !/^text\//i.test(type)) return blob();
  const text = decode(buf);
  const fail = (what: string) => new InvalidResponseError(`${label}: ${what}: ${excerpt(text)}`, { status: res.status, headers: res.headers, body: text });
  let data: unknown;
  try {
    if (!isJson && !/^\s*[{[]/.test(text)) throw 0;
    data = JSON.parse(text);
  } catch {
    if (isJson) throw fail('malformed JSON');
    if (/html/i.test(type) || /^\s*</.test(text)) throw fail('expected JSON, got HTML');
    return blob();
  }
  if (hostbill && (data as { error?: unknown } | null)?.error != null) {
    const error = errorFromResponse(res.status, res.headers, data, label);
    if (error.errors.length) throw error;
  }
  return data;
}

/** The body of a failed response: JSON when it parses, else the text. */
export function errorBody(buf: ArrayBuffer): unknown {
  const text = decode(buf);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Longest Retry-After the client waits; a longer one fails the call at once (headers keep the value). */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `retry` (1-based): the response's Retry-After (seconds or HTTP date)
 * when present, else 0.5 s, 1 s, 2 s, … capped at 8 s, times a jitter factor in (0.75, 1].
 * `undefined` when Retry-After asks for more than MAX_RETRY_AFTER_MS.
 */
export function retryDelay(error: ApiError, retry: number): number | undefined {
  const header = error.headers?.get('retry-after');
  if (header) {
    const seconds = Number(header);
    const ms = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
    if (ms > MAX_RETRY_AFTER_MS) return undefined;
    if (!Number.isNaN(ms)) return Math.max(ms, 0);
  }
  return Math.min(500 * 2 ** (retry - 1), 8000) * (1 - Math.random() / 4);
}

/** A copy of the headers with credentials (and the header named `secretName`, lower case) replaced by `***`. */
export function redactHeaders(headers: Headers, secretName?: string): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    out[k] = /auth|cookie|key|token|secret|pass/i.test(k) || k === secretName ? '***' : v;
  });
  return out;
}
