import { ImportDocsError } from './errors.ts';

/**
 * Finds the operation blocks of a Slate-style HostBill API page. Every operation reads, in page
 * order: title and description, code samples (bash/PHP/Python), an optional "Example Response:",
 * then "HTTP Request", the request line ("GET /details") and an optional parameter table. The
 * code samples start with `POST_DATA="{` or `curl -X`, which is what separates one operation's
 * table from the next operation's title.
 */

export const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface OperationBlock {
  readonly method: string;
  /** The path exactly as the request line gives it, `@name` placeholders included. */
  readonly path: string;
  /** 0-based indices into the page's lines. */
  readonly httpRequestIndex: number;
  readonly requestIndex: number;
  /** Where the code samples start; the title and description end just before it. */
  readonly sampleStart: number;
  /** Index of the "Example Response:" line, when there is one. */
  readonly exampleIndex?: number;
  /** End (exclusive) of what follows the request line: the next operation's samples, or the page end. */
  readonly tailEnd: number;
}

const SAMPLE_START = /^(?:POST_DATA=|curl\s+-X\s)/;
const REQUEST_LINE = new RegExp(`^(${REQUEST_METHODS.join('|')})\\s+(/\\S*)$`);

/** Splits page text into lines: CRLF/CR become LF; a trailing newline does not make an extra line. */
export function pageLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function parseRequestLine(text: string): { method: string; path: string } | undefined {
  const m = REQUEST_LINE.exec(text.trim().replace(/\s+/g, ' '));
  return m ? { method: m[1] as string, path: m[2] as string } : undefined;
}

export function locateOperations(file: string, lines: readonly string[]): OperationBlock[] {
  const httpRequests: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === 'HTTP Request') httpRequests.push(i);
  });
  if (httpRequests.length === 0) {
    throw new ImportDocsError(file, 1, 'no "HTTP Request" block found, so the page documents no operations');
  }
  const partial: Omit<OperationBlock, 'tailEnd'>[] = [];
  let searchFrom = 0;
  for (const h of httpRequests) {
    let r = h + 1;
    while (r < lines.length && (lines[r] ?? '').trim() === '') r++;
    const requestText = lines[r];
    const request = requestText === undefined ? undefined : parseRequestLine(requestText);
    if (request === undefined || r >= lines.length) {
      const found = requestText === undefined ? 'the end of the page' : JSON.stringify(requestText.trim());
      throw new ImportDocsError(
        file,
        Math.min(r, lines.length - 1) + 1,
        `the "HTTP Request" block at line ${h + 1} has no method and path (expected e.g. "GET /details", found ${found})`,
      );
    }
    let sampleStart = -1;
    for (let k = searchFrom; k < h; k++) {
      if (SAMPLE_START.test(lines[k] ?? '')) {
        sampleStart = k;
        break;
      }
    }
    let exampleIndex: number | undefined;
    for (let k = h - 1; k >= Math.max(searchFrom, sampleStart); k--) {
      if ((lines[k] ?? '').trim() === 'Example Response:') {
        exampleIndex = k;
        break;
      }
    }
    if (sampleStart < 0) sampleStart = exampleIndex ?? h;
    partial.push({
      method: request.method,
      path: request.path,
      httpRequestIndex: h,
      requestIndex: r,
      sampleStart,
      ...(exampleIndex !== undefined ? { exampleIndex } : {}),
    });
    searchFrom = r + 1;
  }
  return partial.map((op, i) => ({ ...op, tailEnd: partial[i + 1]?.sampleStart ?? lines.length }));
}
