/**
 * Strict JSON, except that raw control characters inside strings are kept as the characters they
 * are. HostBill's Swagger export writes description line feeds unescaped; a YAML parser would fold
 * them into spaces, and JSON.parse refuses them. We escape exactly those characters (remembering
 * where each original character was, so error positions still point into the file) and hand the
 * result to JSON.parse.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonSyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

export function parseJsonKeepingControlCharacters(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Fast path: strict JSON (no raw control characters) parses as it is; escaping would change nothing.
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    // fall through: escape raw control characters, then parse again (or report where it fails)
  }
  const offset = source === text ? 0 : 1;
  const { escaped, originalIndex } = escapeControlCharactersInStrings(source);
  try {
    return { ok: true, value: JSON.parse(escaped) };
  } catch (error) {
    // JSON.parse's messages carry no reliable position on Node 20; jsonc-parser's scanner does.
    const errors: ParseError[] = [];
    parseTolerant(escaped, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    const escapedIndex = first ? first.offset : escaped.length;
    const index = (originalIndex(escapedIndex) ?? source.length) + offset;
    const { line, column } = lineAndColumn(text, index);
    const message = first ? describeParseError(printParseErrorCode(first.error)) : error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { message, line, column } };
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function escapeControlCharactersInStrings(text: string): {
  escaped: string;
  originalIndex: (escapedIndex: number) => number | undefined;
} {
  // Insertions are rare (60 in the largest real document), so we keep only where they happened.
  const insertedAt: number[] = [];
  let out = '';
  let inString = false;
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      else if (code < 0x20) {
        out += text.slice(chunkStart, i);
        insertedAt.push(out.length);
        out += `\\u${code.toString(16).padStart(4, '0')}`;
        chunkStart = i + 1;
      }
    } else if (code === 0x22) inString = true;
  }
  out += text.slice(chunkStart);
  return {
    escaped: out,
    originalIndex(escapedIndex) {
      let shift = 0;
      for (const at of insertedAt) {
        if (at >= escapedIndex) break;
        shift += Math.min(5, escapedIndex - at);
      }
      return escapedIndex - shift;
    },
  };
}

export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
