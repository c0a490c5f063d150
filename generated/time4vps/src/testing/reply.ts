/** What the mock answers, before it becomes a `Response`: JSON, or raw bytes or text. */

export type ErrorEntry = string | readonly [string, unknown] | readonly unknown[];

export interface Reply {
  readonly status: number;
  /** A JSON body. */
  readonly json?: unknown;
  /** A raw body (a file, an HTML error page); sent as is. */
  readonly raw?: Uint8Array | string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** HostBill's error envelope: `{ "error": [ … ] }`. */
export const errorReply = (status: number, entries: readonly ErrorEntry[]): Reply => ({ status, json: { error: entries } });

/** HostBill's per-server action throttle, sent with 401: `[["wait_x_between_action", 24], "unauthorized"]`. */
export const throttleReply = (seconds: number): Reply => errorReply(401, [['wait_x_between_action', seconds], 'unauthorized']);

export function toResponse(reply: Reply): Response {
  const headers = new Headers(reply.headers);
  let body: BodyInit | null = null;
  if (reply.raw !== undefined) {
    body = typeof reply.raw === 'string' ? reply.raw : new Blob([new Uint8Array(reply.raw)]); // a copy, on an ArrayBuffer as Blob needs
    if (!headers.has('content-type')) headers.set('content-type', reply.contentType ?? 'application/octet-stream');
  } else if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  // 204 and 304 carry no body by definition.
  return new Response(reply.status === 204 || reply.status === 304 ? null : body, { status: reply.status, headers });
}
