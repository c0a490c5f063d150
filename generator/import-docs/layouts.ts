import { ImportDocsError } from './errors.ts';
import type { HeadingTest } from './sections.ts';
import { blockLike, isBlank, joinWrapped, lineUnits, mentionsName, paragraphs, type Unit, unitText } from './text.ts';

/**
 * The three renderings of a parameter table:
 * - `blank`: `name type` on one line, the description as the next paragraph (Brainoza, DNS.services);
 * - `pipe-leading`: `| name | type |`, then description lines ending in ` |` (BalVPS);
 * - `pipe-trailing`: `name | type |`, then description lines ending in ` |` (BKNS).
 * The pipe layouts have no blank lines, so prose units there are single lines.
 */
export type Layout = 'blank' | 'pipe-leading' | 'pipe-trailing';

export interface TableRow {
  /** 1-based line of the row's name/type cell. */
  readonly line: number;
  /** `null` when the renderer lost the name cell (BalVPS/BKNS `email`). */
  readonly name: string | null;
  /** The type as written (`int`, `string[]`, `string|int`). */
  readonly type: string;
  readonly description: string;
  /** Values of "Available values: a, b"; empty when the line is there but the values were lost. */
  readonly enumValues?: readonly string[];
  /** Regex of "Value pattern: re"; empty when the values were lost. */
  readonly pattern?: string;
  /** The type sat in the description cell (BKNS split rows). */
  readonly split?: boolean;
  /** The description ends mid-sentence where inline code was lost ("…obtained from |"). */
  readonly truncated?: boolean;
}

export interface ParsedTable {
  readonly line: number;
  readonly rows: readonly TableRow[];
}

export interface Tail {
  readonly table?: ParsedTable;
  /** Prose after the table: the next operation's section heading, title and description. */
  readonly rest: readonly Unit[];
}

const TYPE_WORDS = ['int', 'integer', 'string', 'bool', 'boolean', 'number', 'float', 'double', 'array', 'object', 'mixed', 'file'];
const TYPE_TOKEN = `(?:${TYPE_WORDS.join('|')})(?:\\[\\])?`;
const TYPE_EXPR = `${TYPE_TOKEN}(?:\\|${TYPE_TOKEN})*`;
const KNOWN_TYPE = new RegExp(`^${TYPE_EXPR}$`);
const NAME = `[a-z0-9_][A-Za-z0-9_.\\-\\[\\]]*`;

const BLANK_ROW = new RegExp(`^(${NAME}) (${TYPE_EXPR})$`);
const LEADING_ROW = /^\|\s*([^|\s]+)\s*\|\s*(\S+)\s*\|$/;
const TRAILING_ROW = /^([^|\s]+)\s*\|\s*(\S+)\s*\|$/;
const LOST_NAME_ROW = new RegExp(`^(${TYPE_EXPR})\\s*\\|$`);
const SPLIT_NAME = /^([A-Za-z0-9_][A-Za-z0-9_.\-[\]]*)\s*\|$/;
const SPLIT_TYPE = new RegExp(`^(${TYPE_EXPR})(?:\\s+(.*?))?\\s*\\|$`);
const EXTRA = /^(Available values:|Value pattern:)/;
const TRUNCATED = /\b(?:from|to|with|options|of|as|by|the|and|or|using)$/i;

export function isKnownType(type: string): boolean {
  return KNOWN_TYPE.test(type);
}

export function headerLayout(text: string): Layout | undefined {
  const t = text.trim();
  if (/^Parameter\s+Type\s+Description$/.test(t)) return 'blank';
  if (/^\|\s*Parameter\s*\|\s*Type\s*\|\s*Description\s*\|$/.test(t)) return 'pipe-leading';
  if (/^Parameter\s*\|\s*Type\s*\|\s*Description\s*\|$/.test(t)) return 'pipe-trailing';
  return undefined;
}

/** Prose units of a region: paragraphs in the blank layout, lines in the pipe layouts. */
export function proseUnits(layout: Layout, lines: readonly string[], start: number, end: number): Unit[] {
  return layout === 'blank' ? paragraphs(lines, start, end) : lineUnits(lines, start, end);
}

/**
 * Reads what follows a request line up to the next operation's samples: the optional
 * "Query Parameters" table, then the prose that belongs to the next operation.
 */
export function parseTail(
  file: string,
  lines: readonly string[],
  start: number,
  end: number,
  layout: Layout,
  isHeading: HeadingTest,
): Tail {
  let i = start;
  while (i < end && isBlank(lines[i])) i++;
  if (i >= end || (lines[i] ?? '').trim() !== 'Query Parameters') {
    return { rest: proseUnits(layout, lines, start, end) };
  }
  const tableLine = i + 1;
  i++;
  while (i < end && isBlank(lines[i])) i++;
  const header = (lines[i] ?? '').trim();
  const found = headerLayout(header);
  if (found === undefined) {
    throw new ImportDocsError(
      file,
      i + 1,
      `unknown parameter table layout: expected "Parameter Type Description", "| Parameter | Type | Description |" or "Parameter | Type | Description |", found ${JSON.stringify(header)}`,
    );
  }
  if (found !== layout) {
    throw new ImportDocsError(file, i + 1, `parameter table in the ${found} layout on a page in the ${layout} layout`);
  }
  i++;
  if (layout === 'blank') return parseBlankTable(lines, i, end, tableLine, isHeading);
  if (/^\|?\s*-{3,}\s*\|/.test((lines[i] ?? '').trim())) i++;
  return parsePipeTable(lines, i, end, tableLine, layout);
}

interface RowDraft {
  line: number;
  name: string | null;
  type: string;
  texts: string[];
  split?: boolean;
}

function finishRow(draft: RowDraft): TableRow {
  const description: string[] = [];
  let enumValues: string[] | undefined;
  let pattern: string | undefined;
  for (const raw of draft.texts) {
    const text = raw.trim().replace(/\s*\|$/, '').trim();
    if (text === '' || text === '|') continue;
    const extra = EXTRA.exec(text);
    if (extra?.[1] === 'Available values:') {
      const values = text.slice(extra[1].length).trim().replace(/\.$/, '');
      enumValues = values === '' ? [] : values.split(/\s*,\s*/).filter((v) => v !== '');
    } else if (extra?.[1] === 'Value pattern:') {
      pattern = text.slice(extra[1].length).trim();
    } else {
      description.push(text);
    }
  }
  const joined = joinWrapped(description);
  return {
    line: draft.line,
    name: draft.name,
    type: draft.type,
    description: joined,
    ...(enumValues !== undefined ? { enumValues } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
    ...(draft.split ? { split: true } : {}),
    ...(TRUNCATED.test(joined) ? { truncated: true } : {}),
  };
}

function isExtra(unit: Unit | undefined): boolean {
  return unit !== undefined && EXTRA.test(unit.lines[0]?.text.trim() ?? '');
}

/**
 * Blank layout. Between two rows everything is the first row's description. After the last row
 * the renderer gives no boundary: "name string / Domain name / Get domain nameservers" (row
 * description, then a title) reads exactly like "refresh_token string / User Details / Return …"
 * (no description, then title and description). See `lastRowTakesParagraph` for the rule.
 */
function parseBlankTable(lines: readonly string[], start: number, end: number, tableLine: number, isHeading: HeadingTest): Tail {
  const rowAt = (i: number) => BLANK_ROW.exec((lines[i] ?? '').trim());
  let lastRowIndex = -1;
  for (let i = start; i < end; i++) if (rowAt(i)) lastRowIndex = i;
  const drafts: RowDraft[] = [];
  // Up to the last row line, every line belongs to a row: a row line starts one, anything else
  // (blank lines aside) is the current row's description, even bullets glued to the next row.
  for (let i = start; i <= lastRowIndex; i++) {
    const m = rowAt(i);
    if (m) drafts.push({ line: i + 1, name: m[1] as string, type: m[2] as string, texts: [] });
    else if (!isBlank(lines[i])) drafts[drafts.length - 1]?.texts.push(lines[i] ?? '');
  }
  let from = lastRowIndex < 0 ? start : lastRowIndex + 1;
  const last = drafts[drafts.length - 1];
  if (last !== undefined) {
    // Text on the very next line (no blank line) can only be the row's description.
    while (from < end && !isBlank(lines[from])) last.texts.push(lines[from++] ?? '');
  }
  let tail = paragraphs(lines, from, end);
  if (last !== undefined && last.texts.length === 0 && lastRowTakesParagraph(last.name ?? '', tail, isHeading)) {
    last.texts.push(...(tail[0] as Unit).lines.map((l) => l.text));
    tail = tail.slice(1);
  }
  if (last !== undefined) {
    while (isExtra(tail[0])) {
      last.texts.push(...(tail[0] as Unit).lines.map((l) => l.text));
      tail = tail.slice(1);
    }
  }
  return { table: { line: tableLine, rows: drafts.map(finishRow) }, rest: tail };
}

/**
 * Whether the paragraph after the last row is that row's description. It is not when it is a
 * section heading. It is when a "Value pattern"/"Available values" paragraph or a section heading
 * follows it, or when it names the parameter ("Domain id" for `id`). Otherwise it is when at least
 * three paragraphs remain (row description, title, operation description) and the third is not a
 * code or bullet block, which only ever continues a description ("Upgrade Request / Estimate or
 * request upgrade / // Format of ''resources''…" is title, description, description).
 */
export function lastRowTakesParagraph(name: string, tail: readonly Unit[], isHeading: HeadingTest): boolean {
  const first = tail[0];
  if (first === undefined || isHeading(unitText(first))) return false;
  const second = tail[1];
  if (second !== undefined && (isExtra(second) || isHeading(unitText(second)))) return true;
  if (mentionsName(name, unitText(first))) return true;
  const prose = tail.filter((u) => !isExtra(u));
  const third = prose[2];
  return third !== undefined && !blockLike(unitText(third));
}

/** Pipe layouts: every cell ends in ` |`, so rows and descriptions are delimited, except where cells were lost. */
function parsePipeTable(lines: readonly string[], start: number, end: number, tableLine: number, layout: Layout): Tail {
  const full = layout === 'pipe-leading' ? LEADING_ROW : TRAILING_ROW;
  const text = (j: number) => (lines[j] ?? '').trim();
  const splitAt = (j: number): RegExpExecArray | undefined => {
    if (!SPLIT_NAME.test(text(j)) || text(j + 1) !== '|') return undefined;
    return SPLIT_TYPE.exec(text(j + 2)) ?? undefined;
  };
  // A full row needs a known type: "register|transfer |" is a description, not row "register".
  const fullRow = (j: number): RegExpExecArray | undefined => {
    const m = full.exec(text(j));
    return m && isKnownType((m[2] as string).toLowerCase()) ? m : undefined;
  };
  const isRowStart = (j: number) => fullRow(j) !== undefined || LOST_NAME_ROW.test(text(j)) || splitAt(j) !== undefined;
  const drafts: RowDraft[] = [];

  const readDescription = (draft: RowDraft, from: number): number => {
    if (text(from) === '|') return from + 1;
    let j = from;
    while (j < end && !text(j).endsWith('|') && !isRowStart(j)) j++;
    if (j < end && text(j).endsWith('|') && !isRowStart(j)) {
      for (let q = from; q <= j; q++) draft.texts.push(lines[q] ?? '');
      return j + 1;
    }
    return from;
  };

  let i = start;
  while (i < end) {
    const t = text(i);
    if (t === '') {
      i++;
      continue;
    }
    const split = splitAt(i);
    const m = fullRow(i);
    if (split !== undefined) {
      const name = (SPLIT_NAME.exec(t) as RegExpExecArray)[1] as string;
      drafts.push({ line: i + 1, name, type: split[1] as string, texts: [split[2] ?? ''], split: true });
      i += 3;
    } else if (m) {
      const draft: RowDraft = { line: i + 1, name: m[1] as string, type: m[2] as string, texts: [] };
      drafts.push(draft);
      i = readDescription(draft, i + 1);
    } else if (LOST_NAME_ROW.test(t)) {
      const draft: RowDraft = { line: i + 1, name: null, type: (LOST_NAME_ROW.exec(t) as RegExpExecArray)[1] as string, texts: [] };
      drafts.push(draft);
      i = readDescription(draft, i + 1);
    } else if (t === '|') {
      i++;
    } else {
      break;
    }
  }
  return { table: { line: tableLine, rows: drafts.map(finishRow) }, rest: lineUnits(lines, i, end) };
}
