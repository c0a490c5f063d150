import { format } from 'prettier';

const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.json': 'json', '.md': 'markdown', '.yaml': 'yaml', '.yml': 'yaml' };

export const PRETTIER_OPTIONS = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/**
 * Formats one emitted file with prettier; files of other kinds only get a final newline. TypeScript
 * is parsed by prettier's babel-ts parser, which prints what its typescript parser prints on
 * everything we emit in about 60 % of the time; a file babel cannot parse falls back to the
 * typescript parser.
 */
export async function formatFile(name: string, content: string): Promise<string> {
  const ext = name.slice(name.lastIndexOf('.'));
  const parser = PARSERS[ext];
  if (!parser) return content.endsWith('\n') ? content : `${content}\n`;
  const key = `${parser}\0${content}`;
  const known = formatted.get(key);
  if (known !== undefined) {
    // Re-inserted, so the entries evicted first are the ones used least recently.
    formatted.delete(key);
    formatted.set(key, known);
    return known;
  }
  const out = await formatWith(parser, content);
  remember(key, out);
  return out;
}

async function formatWith(parser: string, content: string): Promise<string> {
  if (parser === 'markdown') return formatMarkdown(content);
  if (parser !== 'babel-ts') return format(content, { ...PRETTIER_OPTIONS, parser });
  try {
    return await format(content, { ...PRETTIER_OPTIONS, parser });
  } catch {
    return format(content, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  }
}

/** A fence that opens a TypeScript block at the start of a line, and the fence that closes it. */
const TS_FENCE = /^```(ts|typescript)$/;
const CLOSING_FENCE = '```';

/**
 * Markdown with its TypeScript code blocks formatted as prettier's markdown printer formats them,
 * in less time: each block goes through `formatFile` (the babel-ts parser, and the cache, which
 * serves the snippets every README shares), then the markdown is printed with embedded formatting
 * off, which keeps the already formatted blocks as they are. Prettier's embed formats a block with
 * the typescript parser and leaves one it cannot parse as written; so does this. Only top-level
 * fences count (a line that is exactly the fence): text from a document reaches markdown escaped,
 * and reaches code as string literals, so neither can start or end a block.
 */
async function formatMarkdown(content: string): Promise<string> {
  const lines = content.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    out.push(line);
    if (!TS_FENCE.test(line)) continue;
    const end = lines.indexOf(CLOSING_FENCE, i + 1);
    if (end === -1) continue;
    const code = lines.slice(i + 1, end).join('\n');
    const formatted = await formatFile('block.ts', code).then((text) => text.replace(/\n$/, ''), () => code);
    out.push(...(formatted === '' ? [] : [formatted]), CLOSING_FENCE);
    i = end;
  }
  return format(out.join('\n'), { ...PRETTIER_OPTIONS, parser: 'markdown', embeddedLanguageFormatting: 'off' });
}

/**
 * Prettier's output by parser and input text. Prettier is a pure function of its input and options
 * (fixed here), so a text seen before is not formatted again: every package has the same tsconfig
 * files and many of the same small files, `check` renders what `generate` rendered, and the tests
 * render the same providers many times in one process. Bounded, so a large document's parts do
 * not stay in memory: entries up to ENTRY_CHARS (key and value), CACHE_CHARS in all, the entries
 * used least recently evicted first.
 */
const formatted = new Map<string, string>();
const ENTRY_CHARS = 400_000;
const CACHE_CHARS = 24_000_000;
let cachedChars = 0;

function remember(key: string, out: string): void {
  const size = key.length + out.length;
  if (size > ENTRY_CHARS || formatted.has(key)) return;
  formatted.set(key, out);
  cachedChars += size;
  for (const [oldKey, oldOut] of formatted) {
    if (cachedChars <= CACHE_CHARS) break;
    formatted.delete(oldKey);
    cachedChars -= oldKey.length + oldOut.length;
  }
}

/** Above this size, printed TypeScript is formatted one group of top-level statements at a time. */
export const PART_BYTES = 1_000_000;

/**
 * Formats TypeScript that a printer made (openapi-typescript's `schema.ts`), giving the bytes one
 * `formatFile` call gives but holding only part of a large file in prettier at once: prettier's
 * AST and document of GitHub's 6.5 MB of types took several hundred MB. Prettier prints top-level
 * statements independently (keeping at most one blank line between them), so the file is cut
 * only between two top-level statements: before a line that starts with `export ` and follows a
 * line that ends a statement at column 0 (`}` or `…;`). A printer's output has nothing else at
 * column 0 (members are indented, comments inside declarations are indented, string literals are
 * escaped onto one line).
 */
export async function formatPrintedTypeScript(name: string, content: string, partBytes = PART_BYTES): Promise<string> {
  if (content.length <= partBytes) return formatFile(name, content);
  const parts: string[] = [];
  let start = 0;
  let next = content.indexOf('\nexport ', partBytes);
  while (next !== -1) {
    const previous = content.slice(content.lastIndexOf('\n', next - 1) + 1, next);
    if (previous === '}' || (/^\S/.test(previous) && previous.endsWith(';'))) {
      parts.push(content.slice(start, next + 1));
      start = next + 1;
      next = content.indexOf('\nexport ', start + partBytes);
    } else next = content.indexOf('\nexport ', next + 1);
  }
  parts.push(content.slice(start));
  let out = '';
  for (const [index, part] of parts.entries()) {
    // A blank line right before the cut is one prettier would have kept between the two statements.
    const blankBefore = index > 0 && /\n[ \t]*\n[ \t]*$/.test(parts[index - 1] as string);
    out += `${blankBefore ? '\n' : ''}${await formatFile(name, part)}`;
  }
  return out;
}
