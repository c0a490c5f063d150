/** Reading a response body whole, but never more than a limit: a 100 MB answer must not fill memory. */
import { ResponseTooLargeError } from '../errors.js';

/** Default of `maxResponseBytes`: 50 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** The chunks as one array; a single chunk as it is. */
function concat(chunks: readonly Uint8Array<ArrayBuffer>[], total: number): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0]!;
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
  const reader = response.body?.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  // `size` says how the body is too large: `of 104857600 bytes` when declared, `past 52428800 bytes` when counted.
  let size = declared > limit ? `of ${declared} bytes` : undefined;
  // Bounded: every pass reads a chunk, and the bytes read past `limit` end the loop.
  while (reader && !size) {
    const read = await reader.read();
    if (read.done) return concat(chunks, total);
    chunks.push(read.value as Uint8Array<ArrayBuffer>); // a response body is never backed by a SharedArrayBuffer
    total += read.value.byteLength;
    if (total > limit) size = `past ${total} bytes`;
  }
  await reader?.cancel().catch(() => {});
  if (!size) return new Uint8Array(0); // no body at all
  throw new ResponseTooLargeError(`${label}: response body ${size} is over maxResponseBytes (${limit}); not read`, { status: response.status, headers: response.headers, limit });
}
