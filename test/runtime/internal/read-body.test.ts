import { describe, expect, it } from 'vitest';
import { ResponseTooLargeError } from '../../../templates/runtime/index.ts';
import { readBody } from '../../../templates/runtime/internal/read-body.ts';

/** A response streaming `chunks` chunks of `size` bytes; `pulled` counts the chunks the reader took. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), state };
}

describe('readBody', () => {
  it('reads a body within the limit whole', async () => {
    const { response } = streamed(3, 10);
    const out = await readBody(response, 30, 'GET /x');
    expect(out.byteLength).toBe(30);
    expect(new TextDecoder().decode(out)).toBe('A'.repeat(30));
  });

  it('stops reading and cancels the stream once past the limit', async () => {
    const { response, state } = streamed(1000, 10);
    const error = (await readBody(response, 25, 'GET /x').catch((e: unknown) => e)) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(25);
    expect(error.message).toMatch(/^GET \/x: response body past 30 bytes is over maxResponseBytes \(25\)/);
    expect(state.pulled).toBeLessThan(10);
    expect(state.cancelled).toBe(true);
  });

  it('fails on a declared Content-Length over the limit before reading anything', async () => {
    const { response, state } = streamed(5, 10, { 'content-length': '1000' });
    const error = (await readBody(response, 100, 'GET /x').catch((e: unknown) => e)) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toContain('of 1000 bytes');
    expect(state.pulled).toBeLessThanOrEqual(1); // at most what the stream queued on its own
    expect(state.cancelled).toBe(true);
  });

  it('reads an empty body as no bytes', async () => {
    expect((await readBody(new Response(null, { status: 204 }), 10, 'GET /x')).byteLength).toBe(0);
  });
});
