/**
 * Decides whether a fetched answer is what the provider's spec file should become, and counts its
 * operations for the report. Anything doubtful is an error, so the committed spec stays as it is.
 */
import { GeneratorError } from '../errors.ts';
import { decodeDocument } from '../load/decode-text.ts';
import { classifyDocument, parseDocumentText } from '../load/load-document.ts';
import { displayUrl, type Fetched } from '../load/fetch-document.ts';
import { htmlToText } from './html-to-text.ts';

const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', '']);

/** Operations in a Swagger/OpenAPI document (HostBill's blank-method operations included). */
export function countDocumentOperations(document: Record<string, unknown>): number {
  const paths = document.paths;
  if (typeof paths !== 'object' || paths === null) return 0;
  let count = 0;
  for (const item of Object.values(paths as Record<string, unknown>)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, value] of Object.entries(item)) if (OPERATION_KEYS.has(key.toLowerCase()) && typeof value === 'object' && value !== null) count += 1;
  }
  return count;
}

/** Routes on an API page's text: lines like `GET /service/@id`. */
export function countPageRoutes(text: string): number {
  return text.match(/^(?:GET|POST|PUT|PATCH|DELETE) \/\S*/gm)?.length ?? 0;
}

/** An HTML page is read for its text only: a stray byte becomes U+FFFD rather than refusing the page. */
function decodePage(body: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(body);
}

const looksLikeHtml = (text: string): boolean => /^\s*(?:<!doctype html|<html\b|<head\b|<body\b|<!--|<(?:div|p|script|meta|title)\b)/i.test(text.replace(/^\uFEFF/, ''));

export interface CheckedDocument {
  readonly text: string;
  readonly operations: number;
  readonly kind: 'swagger2' | 'openapi3';
  /** The file name to use when the provider has no spec file yet. */
  readonly defaultName: string;
}

/** A Swagger 2.0 / OpenAPI 3 document that loads like the committed one must. `targetName` is the file it will replace, if any. */
export function checkDocument(fetched: Fetched, targetName: string | undefined): CheckedDocument {
  const shown = displayUrl(fetched.url);
  // Only the start decides whether it is a page; the whole body is decoded once, strictly, below.
  if (/html/i.test(fetched.contentType) || looksLikeHtml(decodePage(fetched.body.subarray(0, 1024)))) {
    throw new GeneratorError(
      { file: shown },
      `expected a Swagger/OpenAPI document but got an HTML page (content-type ${fetched.contentType || 'not given'}): the URL may be wrong, need a login, or the provider may have disabled its Swagger export`,
    );
  }
  // Read as `generate` will read the saved bytes: UTF-8, or UTF-16 by its mark; anything else is refused here, not after it is saved.
  const text = decodeDocument(fetched.body, shown);
  if (text.trim() === '') throw new GeneratorError({ file: shown }, 'the answer is empty');
  const json = text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
  if (targetName !== undefined && /\.json$/i.test(targetName) && !json) throw new GeneratorError({ file: shown }, `the answer is not JSON, but the provider's spec file is ${targetName}`);
  const loaded = classifyDocument(parseDocumentText(text, shown), shown);
  const operations = countDocumentOperations(loaded.document);
  if (operations === 0) throw new GeneratorError({ file: shown, pointer: '/paths' }, 'the document declares no operations');
  const defaultName = `${loaded.kind === 'swagger2' ? 'swagger' : 'openapi'}.${json ? 'json' : 'yaml'}`;
  return { text, operations, kind: loaded.kind, defaultName };
}

export interface CheckedPage {
  readonly html: string;
  readonly text: string;
  readonly operations: number;
}

/** An HTML API page whose text lists at least one route. */
export function checkPage(fetched: Fetched): CheckedPage {
  const shown = displayUrl(fetched.url);
  const html = decodePage(fetched.body);
  if (!/html/i.test(fetched.contentType) && !looksLikeHtml(html)) {
    throw new GeneratorError({ file: shown }, `expected the HTML API page but got ${fetched.contentType || 'an answer without a content type'}`);
  }
  const text = htmlToText(html);
  const operations = countPageRoutes(text);
  if (operations === 0) {
    throw new GeneratorError({ file: shown }, 'the page lists no API routes (no line like "GET /details"): it is not the API page, or it needs a login');
  }
  return { html, text, operations };
}
