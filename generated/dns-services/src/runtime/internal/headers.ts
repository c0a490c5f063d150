/** The headers of one attempt. */

const JSON_TYPE = 'application/json';

export interface HeaderParts {
  /** Ask for JSON (JSON operations). */
  readonly acceptJson: boolean;
  /** The body's Content-Type, when it has one the client must set. */
  readonly contentType?: string | undefined;
  /** The client's `headers` option. */
  readonly client?: Record<string, string> | undefined;
  /** The operation's header parameters, set after `client`: they are the call's own values. */
  readonly params?: Record<string, string> | undefined;
  /** `false`: the operation carries no credentials, so an Authorization from `client` goes too. */
  readonly auth: boolean;
  /** `[name, value]` of the credential, set after `client` so a client-wide header cannot replace it. */
  readonly credential?: readonly [name: string, value: string] | undefined;
  /** The call's `headers` option, set last: a call may override anything. */
  readonly call?: Record<string, string> | undefined;
}

function setAll(headers: Headers, values: Record<string, string> | undefined): void {
  for (const name in values) headers.set(name, values[name]!);
}

export function requestHeaders(parts: HeaderParts): Headers {
  const headers = new Headers();
  if (parts.acceptJson) headers.set('accept', JSON_TYPE);
  if (parts.contentType) headers.set('content-type', parts.contentType);
  setAll(headers, parts.client);
  setAll(headers, parts.params);
  if (!parts.auth) headers.delete('authorization');
  else if (parts.credential) headers.set(...parts.credential);
  setAll(headers, parts.call);
  return headers;
}
