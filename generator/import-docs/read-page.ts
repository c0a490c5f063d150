import { ImportDocsError, type ImportNote } from './errors.ts';
import { headerLayout, type Layout, parseTail, proseUnits, type TableRow } from './layouts.ts';
import { locateOperations, type OperationBlock } from './parse-page.ts';
import { proseText, splitPreamble } from './preamble.ts';
import { readSamples, type Samples } from './samples.ts';
import { headingTest } from './sections.ts';
import { type Unit, undoubled, unitText } from './text.ts';

/** Everything the page says about one operation, before it becomes Swagger. */
export interface PageOperation {
  readonly method: string;
  readonly path: string;
  /** 1-based line of the request line ("GET /details"). */
  readonly line: number;
  readonly section?: string;
  readonly title?: string;
  readonly titleLine?: number;
  readonly description: string;
  readonly descriptionLine: number;
  readonly rows: readonly TableRow[];
  readonly samples: Samples;
}

export interface PageSection {
  readonly name: string;
  readonly line: number;
  readonly intro: string;
}

export interface PageIntro {
  readonly title?: string;
  readonly description?: string;
  /** Auth schemes in the order the page documents them, with the heading's line. */
  readonly auth: readonly { readonly kind: 'basic' | 'jwt'; readonly line: number }[];
}

export interface ReadPage {
  readonly layout: Layout;
  readonly intro: PageIntro;
  readonly sections: readonly PageSection[];
  readonly operations: readonly PageOperation[];
}

/** The layout named by the first table header; a page without tables is told apart by its blank lines. */
export function pageLayout(file: string, lines: readonly string[], blocks: readonly OperationBlock[]): Layout {
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() !== 'Query Parameters') continue;
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    const layout = headerLayout(lines[j] ?? '');
    if (layout === undefined) {
      throw new ImportDocsError(
        file,
        j + 1,
        `unknown parameter table layout: expected "Parameter Type Description", "| Parameter | Type | Description |" or "Parameter | Type | Description |", found ${JSON.stringify((lines[j] ?? '').trim())}`,
      );
    }
    return layout;
  }
  const first = blocks[0] as OperationBlock;
  return (lines[first.httpRequestIndex + 1] ?? '').trim() === '' ? 'blank' : 'pipe-trailing';
}

function stripStrayBacktick(text: string): string {
  const count = (text.match(/`/g) ?? []).length;
  return count % 2 === 1 && text.endsWith('`') ? text.slice(0, -1).trimEnd() : text;
}

export function readPage(file: string, lines: readonly string[], sections: readonly string[], notes: ImportNote[]): ReadPage {
  const blocks = locateOperations(file, lines);
  const layout = pageLayout(file, lines, blocks);
  const isHeading = headingTest(sections);
  const tails = blocks.map((b) => parseTail(file, lines, b.requestIndex + 1, b.tailEnd, layout, isHeading));

  const pageSections: PageSection[] = [];
  const operations: PageOperation[] = [];
  let section: string | undefined;
  blocks.forEach((block, i) => {
    const units: readonly Unit[] = i === 0 ? proseUnits(layout, lines, 0, block.sampleStart) : (tails[i - 1]?.rest ?? []);
    const preamble = splitPreamble(units, isHeading, i === 0);
    const request = `${block.method} ${block.path}`;
    if (preamble.noHeading) notes.push({ line: block.requestIndex + 1, message: `${request}: no known section heading before the first operation; it and those after it are tagged "default" until one appears` });
    for (const u of preamble.dropped) notes.push({ line: u.line, message: `text ${JSON.stringify(unitText(u))} sits between a table and a section heading; ignored` });
    if (preamble.heading) {
      section = preamble.heading.name;
      const intro = proseText(layout, preamble.intro);
      const known = pageSections.find((s) => s.name === section);
      if (known === undefined) pageSections.push({ name: section, line: preamble.heading.line, intro });
      else notes.push({ line: preamble.heading.line, message: `section ${section} appears again (first at line ${known.line}); merged` });
    }
    let title: string | undefined;
    if (preamble.title) {
      const raw = unitText(preamble.title).replace(/\n/g, ' ');
      title = undoubled(raw);
      if (title !== raw) notes.push({ line: preamble.title.line, message: `${request}: title ${JSON.stringify(raw)} repeats itself; used ${JSON.stringify(title)}` });
    } else {
      notes.push({ line: block.requestIndex + 1, message: `${request} has no title and no description; summary and description left out` });
    }
    const descriptionUnits = preamble.description;
    operations.push({
      method: block.method,
      path: block.path,
      line: block.requestIndex + 1,
      ...(section !== undefined ? { section } : {}),
      ...(title !== undefined ? { title, titleLine: preamble.title?.line } : {}),
      description: stripStrayBacktick(proseText(layout, descriptionUnits)),
      descriptionLine: descriptionUnits[0]?.line ?? preamble.title?.line ?? block.requestIndex + 1,
      rows: tails[i]?.table?.rows ?? [],
      samples: readSamples(lines, block),
    });
  });
  const trailing = tails[tails.length - 1]?.rest ?? [];
  if (trailing.length > 0) notes.push({ line: (trailing[0] as Unit).line, message: `text after the last operation's table is not part of any operation; ignored` });

  return { layout, intro: readIntro(layout, lines, blocks[0] as OperationBlock), sections: pageSections, operations };
}

/** Page title (the line after "NAV"), the "Introduction" text, and the documented auth schemes. */
function readIntro(layout: Layout, lines: readonly string[], first: OperationBlock): PageIntro {
  const end = first.sampleStart;
  const title = (lines[0] ?? '').trim() === 'NAV' ? (lines[1] ?? '').trim() || undefined : undefined;
  const units = proseUnits(layout, lines, 0, end);
  const at = units.findIndex((u) => unitText(u) === 'Introduction');
  const description = at >= 0 && units[at + 1] !== undefined ? unitText(units[at + 1] as Unit).replace(/\n/g, ' ') : undefined;
  const auth: { kind: 'basic' | 'jwt'; line: number }[] = [];
  for (let i = 0; i < end; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === 'JSON Web Token Authentication' && !auth.some((a) => a.kind === 'jwt')) auth.push({ kind: 'jwt', line: i + 1 });
    if (t === 'Basic Authentication' && !auth.some((a) => a.kind === 'basic')) auth.push({ kind: 'basic', line: i + 1 });
  }
  return { ...(title ? { title } : {}), ...(description ? { description } : {}), auth };
}
