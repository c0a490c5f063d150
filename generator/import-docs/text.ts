/**
 * Small text helpers shared by the page parser. A "unit" is what the layout treats as one block of
 * prose: a paragraph in the blank-line layout, a single line in the pipe layouts (which have no
 * blank lines at all).
 */

export interface PageLine {
  /** 1-based line number in the page. */
  readonly line: number;
  /** The line without trailing white space. */
  readonly text: string;
}

export interface Unit {
  readonly line: number;
  readonly lines: readonly PageLine[];
}

export function unitText(unit: Unit): string {
  return unit.lines.map((l) => l.text.trim()).join('\n');
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Paragraphs (runs of non-blank lines) of `lines[start..end)`. */
export function paragraphs(lines: readonly string[], start: number, end: number): Unit[] {
  const out: Unit[] = [];
  let current: PageLine[] = [];
  for (let i = start; i < end; i++) {
    const text = (lines[i] ?? '').trimEnd();
    if (text.trim() === '') {
      if (current.length > 0) out.push({ line: current[0]!.line, lines: current });
      current = [];
    } else {
      current.push({ line: i + 1, text });
    }
  }
  if (current.length > 0) out.push({ line: current[0]!.line, lines: current });
  return out;
}

/** Every non-blank line of `lines[start..end)` as its own unit. */
export function lineUnits(lines: readonly string[], start: number, end: number): Unit[] {
  const out: Unit[] = [];
  for (let i = start; i < end; i++) {
    const text = (lines[i] ?? '').trimEnd();
    if (text.trim() !== '') out.push({ line: i + 1, lines: [{ line: i + 1, text }] });
  }
  return out;
}

/** Lines of code or pseudo-JSON: they keep their own line, and so does the line after them. */
const CODE_LINE = /^(?:\/\/|[{}[\]]|")/;
/** Lines that open a block (a bullet or code): never a title, always on a line of their own. */
const BLOCK_LINE = /^(?:•|\/\/|[{}[\]]|")/;

/**
 * Joins lines that a renderer wrapped (the pipe layouts break lines wherever inline code stood):
 * a line starting with punctuation is glued on; a bullet or code line starts a new line, as does
 * the line after code; a capitalised line after one without end punctuation starts a new
 * paragraph line (the sentence ended there); anything else continues the sentence after a space.
 */
export function joinWrapped(texts: readonly string[]): string {
  let out = '';
  let previous = '';
  for (const raw of texts) {
    const text = raw.trim();
    if (text === '') continue;
    if (out === '') out = text;
    else if (/^[,.;:)!?]/.test(text)) out += text;
    else if (BLOCK_LINE.test(text) || CODE_LINE.test(previous)) out += `\n${text}`;
    else if (/^\p{Lu}/u.test(text) && !/[.!?:,;]$/.test(previous)) out += `\n${text}`;
    else out += ` ${text}`;
    previous = text;
  }
  return out;
}

/** A short line that reads like an operation title: capitalised, at most 8 words, no end punctuation. */
export function titleLike(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.includes('\n')) return false;
  return /^[\p{Lu}\p{N}]/u.test(t) && t.split(/\s+/).length <= 8 && !/[.,;:]$/.test(t);
}

/** True when `a` and `b` differ by at most one inserted, deleted or replaced character. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * True when `text` names the parameter: one of the name's words (split at `_`/`-`) appears as a
 * word of the text, starts one (3+ letters: `aff_id` → "Affiliate ID"), or is one typo away from
 * one (5+ letters: `record_id` → "Recod index").
 */
export function mentionsName(name: string, text: string): boolean {
  const nameWords = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2);
  const textWords = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return nameWords.some((nw) =>
    textWords.some((tw) => tw === nw || (nw.length >= 3 && tw.startsWith(nw)) || (nw.length >= 5 && withinOneEdit(nw, tw))),
  );
}

/** A paragraph that opens with a bullet or code (pseudo-JSON, a comment): never a title. */
export function blockLike(text: string): boolean {
  return BLOCK_LINE.test(text.trim());
}

/** "DNS Records DNS Records" → "DNS Records"; anything else unchanged. */
export function undoubled(text: string): string {
  const words = text.trim().split(/\s+/);
  if (words.length % 2 !== 0 || words.length === 0) return text.trim();
  const half = words.length / 2;
  const first = words.slice(0, half).join(' ');
  return first === words.slice(half).join(' ') ? first : text.trim();
}
