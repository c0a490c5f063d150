/** Reading a response body whole, but never more than a limit: a 100 MB answer must not fill memory. */
import { ResponseTooLargeError } from '../errors.js';
import type { ResponseHead } from './parse-body.js';

/** Default of `maxResponseBytes`: 50 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** `size`: `of 104857600 bytes` when declared, `past 52428800 bytes` when counted. */
function tooLarge(head: ResponseHead, label: string, limit: number, size: string): ResponseTooLargeError {
  return new ResponseTooLargeError(`${label}: response body ${size} is over maxResponseBytes (${limit}); not read`, {
    status: head.status,
    headers: head.headers,
    limit,
  });
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The body's bytes. A Content-Length over `limit` fails before reading; otherwise the body is counted
 * as it streams (a compressed body can outgrow its Content-Length) and cancelled once past `limit`.
 */
export async function readBody(response: Response, limit: number, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(response, label, limit, `of ${declared} bytes`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(response, label, limit, `past ${total} bytes`);
    }
    chunks.push(read.value);
  }
  return concat(chunks, total);
}
