/** The first step of a call: an operation and its parameters become URL, label and body. */
import { ApiError } from '../errors.js';
import type { OperationSpec } from '../types.js';
import { encodeBody, type EncodedBody } from './encode-body.js';
import { REDACTED } from './redact.js';
import { encodeQuery, joinedValue, type QueryStyle } from './query.js';

/** What `buildRequest` makes of an operation and its parameters. */
export interface BuiltRequest extends EncodedBody {
  /** The full URL, with the API key when it goes in the query. */
  readonly url: string;
  /** `url` for logs, hooks and messages: the API key replaced by `***`. */
  readonly shownUrl: string;
  /** `METHOD /api/path` for error messages: no origin and no query, so no secrets. */
  readonly label: string;
  /** The header parameters the call passes, by their header names. */
  readonly headers: Record<string, string>;
}

/** An API key that goes in the query: `[name, value]`. */
export type QueryKey = readonly [name: string, value: string];

/** The path with every `{name}` replaced by its encoded parameter; throws on a missing or dot-segment value. */
export function expandPath(op: OperationSpec, params: Record<string, unknown>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    const encoded = value == null ? '' : encodeURIComponent(String(value));
    // '', '.' and '..' would change the path even when encoded ('%2e%2e' is a dot segment too).
    if (/^\.{0,2}$/.test(encoded)) throw new ApiError(`${op.name}: missing or invalid path parameter "${name}"`);
    return encoded;
  });
}

/** `base` and `path` joined by exactly one slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A path template may go on past the path (APIs.guru's `/#Action=AssumeRole`, `/search?query={query}`):
 * documents keep path keys apart that way. A fragment is never sent (fetch drops it, and every query
 * after it), and a query there is the request's, ahead of the parameters' (a parameter of the same
 * name replaces its value).
 */
export function splitTemplate(expanded: string): { path: string; query: URLSearchParams } {
  const beforeFragment = expanded.split('#', 1)[0] as string;
  const at = beforeFragment.indexOf('?');
  return at < 0 ? { path: beforeFragment, query: new URLSearchParams() } : { path: beforeFragment.slice(0, at), query: new URLSearchParams(beforeFragment.slice(at + 1)) };
}

/** The header parameters of `op` present in `params`, in OpenAPI's `simple` style (a list or an object as comma-separated values). */
export function headerParams(op: OperationSpec, params: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of op.headerParams ?? []) if (params[name] != null) headers[name] = joinedValue(params[name], ',');
  return headers;
}

/** Builds URL and body (in `contentType`, when the call chooses); throws before any request on a missing or unsafe path parameter or an unsendable body. */
export function buildRequest(baseUrl: string, op: OperationSpec, params: Record<string, unknown>, queryKey?: QueryKey, contentType?: string, nulls: 'omit' | 'send' = 'send', queryStyle: QueryStyle = 'form'): BuiltRequest {
  const { path, query } = splitTemplate(expandPath(op, params));
  const url = joinUrl(baseUrl, path);
  const passed = encodeQuery(op.queryParams, params, queryStyle, op.queryStyles);
  // A parameter the call passes replaces the template's value of the same name.
  // forEach, not iteration: the runtime compiles without the DOM.Iterable lib.
  const names = new Set<string>();
  passed.forEach((_value, name) => names.add(name));
  for (const name of names) query.delete(name);
  passed.forEach((value, name) => query.append(name, value));
  const withQuery = (keyValue?: string): string => {
    if (queryKey && keyValue) query.set(queryKey[0], keyValue);
    const search = query.toString();
    return search ? `${url}?${search}` : url;
  };
  const shownUrl = withQuery(queryKey && REDACTED);
  return { url: withQuery(queryKey?.[1]), shownUrl, label: `${op.method} ${url.replace(/^\w+:\/\/[^/]*/, '')}`, headers: headerParams(op, params), ...encodeBody(op, params, contentType, nulls) };
}
