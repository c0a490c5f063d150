/** Turning the bytes of a response into data: JSON, a Blob, or nothing. */
import { InvalidResponseError } from '../errors.js';
import { excerpt } from './excerpt.js';

const decoder = new TextDecoder();
export const decodeText = (bytes: Uint8Array): string => decoder.decode(bytes);

/** The parts of a Response that parsing needs. */
export interface ResponseHead {
  readonly status: number;
  readonly headers: Headers;
}

/** JSON.parse, or `undefined` when the text is not JSON. */
function tryJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * Reads a 2xx body. Binary operations get a Blob. JSON operations: JSON (also JSON served as
 * text/* or without a content type), `undefined` when empty, a Blob for other content types; an
 * HTML page or malformed JSON is an InvalidResponseError quoting ≤ 200 chars.
 */
export function parseBody(response: 'json' | 'binary', head: ResponseHead, bytes: Uint8Array<ArrayBuffer>, label: string): unknown {
  const contentType = head.headers.get('content-type') ?? '';
  const blob = () => new Blob([bytes], { type: contentType });
  if (response === 'binary') return blob();
  if (!bytes.byteLength) return undefined;
  const declaredJson = /json/i.test(contentType);
  // PHP often sends JSON as text/html or with no content type at all: those may hold JSON too.
  if (!declaredJson && contentType && !/^text\//i.test(contentType)) return blob();
  const text = decodeText(bytes);
  const parsed = declaredJson || /^\s*[{[]/.test(text) ? tryJson(text) : undefined;
  if (parsed) return parsed.value;
  const invalid = (what: string) => new InvalidResponseError(`${label}: ${what}: ${excerpt(text)}`, { status: head.status, headers: head.headers, body: text });
  if (declaredJson) throw invalid('malformed JSON');
  if (/html/i.test(contentType) || /^\s*</.test(text)) throw invalid('expected JSON, got HTML');
  return blob();
}

/** The body of a failed response: JSON when it parses, else the text. */
export function errorBody(bytes: Uint8Array): unknown {
  const text = decodeText(bytes);
  const parsed = tryJson(text);
  return parsed ? parsed.value : text;
}
