/**
 * How a request body's media type is written on the wire. The generator classifies media types with
 * this same function (through `contracts.ts`), so the params type it emits and the bytes sent agree.
 */

/** `json`: JSON text; `multipart`: FormData; `form`: URLSearchParams; `text`: a string (text/*, XML); `binary`: bytes as given. */
export type MediaKind = 'json' | 'multipart' | 'form' | 'text' | 'binary';

export function mediaKind(type: string): MediaKind {
  if (/^application\/([\w.+-]*\+)?json\b|^\*\/\*$/i.test(type)) return 'json';
  if (/^multipart\/form-data\b/i.test(type)) return 'multipart';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return 'form';
  if (/^text\/|[/+]xml\b/i.test(type)) return 'text';
  return 'binary';
}
