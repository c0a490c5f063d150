import type { OperationBlock } from './parse-page.ts';

/**
 * What an operation's code samples tell: the bash `POST_DATA` JSON bodies (the only machine-usable
 * sample; PHP and Python ones are not valid code), the curl request line and its auth flags, and
 * the "Example Response:" text.
 */

export type AuthKind = 'basic' | 'jwt';

export interface SampleBody {
  readonly line: number;
  /** The parsed body; absent when it did not parse (`error` says why). */
  readonly value?: Readonly<Record<string, unknown>>;
  readonly error?: string;
}

export interface CurlSample {
  readonly line: number;
  readonly method: string;
  readonly url: string;
  readonly auth: readonly AuthKind[];
}

export interface Samples {
  /** One per `POST_DATA` block; several when the page gives `# OR ...` alternatives. */
  readonly bodies: readonly SampleBody[];
  readonly curl?: CurlSample;
  readonly example?: { readonly line: number; readonly text: string };
}

const CURL = /^curl\s+-X\s+(\S+)\s+(["'])(.*?)\2/;

/** Undoes bash double-quote escaping: `\"`, `\\`, `\$` and `` \` ``. */
export function unescapeBash(text: string): string {
  return text.replace(/\\([\\"$`])/g, '$1');
}

export function parsePostData(raw: string): { value?: Record<string, unknown>; error?: string } {
  const inner = raw.replace(/^\s*POST_DATA="/, '').replace(/"\s*$/, '');
  try {
    const value: unknown = JSON.parse(unescapeBash(inner));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'the body is not a JSON object' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function readSamples(lines: readonly string[], op: OperationBlock): Samples {
  const end = op.exampleIndex ?? op.httpRequestIndex;
  let curl: CurlSample | undefined;
  const bodies: SampleBody[] = [];
  for (let i = op.sampleStart; i < end; i++) {
    const text = (lines[i] ?? '').trimEnd();
    if (curl === undefined && text.startsWith('POST_DATA="')) {
      let j = i;
      while (j < end - 1 && !/^[}\]]"$/.test((lines[j] ?? '').trim())) j++;
      bodies.push({ line: i + 1, ...parsePostData(lines.slice(i, j + 1).join('\n')) });
      i = j;
      continue;
    }
    const m = curl === undefined ? CURL.exec(text) : null;
    if (m) {
      const commandLines = [text];
      let j = i;
      while ((lines[j] ?? '').trimEnd().endsWith('\\') && j + 1 < end) commandLines.push((lines[++j] ?? '').trimEnd());
      const command = commandLines.join('\n');
      const auth: AuthKind[] = [];
      if (/(?:^|\s)(?:-u|--user)\s/.test(command)) auth.push('basic');
      if (/Authorization:\s*Bearer/i.test(command)) auth.push('jwt');
      curl = { line: i + 1, method: m[1] as string, url: m[3] as string, auth };
      break;
    }
  }
  return { bodies, ...(curl ? { curl } : {}), ...readExample(lines, op) };
}

function readExample(lines: readonly string[], op: OperationBlock): Pick<Samples, 'example'> {
  if (op.exampleIndex === undefined) return {};
  let from = op.exampleIndex + 1;
  let to = op.httpRequestIndex;
  while (from < to && (lines[from] ?? '').trim() === '') from++;
  while (to > from && (lines[to - 1] ?? '').trim() === '') to--;
  if (from >= to) return {};
  return { example: { line: from + 1, text: lines.slice(from, to).join('\n') } };
}
