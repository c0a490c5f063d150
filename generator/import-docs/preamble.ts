import type { Layout } from './layouts.ts';
import type { HeadingTest } from './sections.ts';
import { joinWrapped, titleLike, type Unit, unitText } from './text.ts';

/**
 * The prose before an operation's samples: an optional section heading and the section's intro
 * paragraph, then the operation's title and description.
 */
export interface Preamble {
  readonly heading?: { readonly name: string; readonly line: number };
  readonly intro: readonly Unit[];
  readonly title?: Unit;
  readonly description: readonly Unit[];
  /** Prose that sat before a section heading but after the previous table: nothing owns it. */
  readonly dropped: readonly Unit[];
  /** The first operation had no section heading before it; the page intro was skipped by position. */
  readonly noHeading?: boolean;
}

export function splitPreamble(units: readonly Unit[], isHeading: HeadingTest, first: boolean): Preamble {
  let headingAt = -1;
  units.forEach((u, k) => {
    if (isHeading(unitText(u))) headingAt = k;
  });
  if (headingAt < 0) {
    if (first) {
      const keep = units.slice(-2);
      return { ...titleAndDescription(keep), intro: [], dropped: units.slice(0, -2), noHeading: true };
    }
    return { ...titleAndDescription(units), intro: [], dropped: [] };
  }
  const headingUnit = units[headingAt] as Unit;
  const rest = units.slice(headingAt + 1);
  const intro: Unit[] = [];
  while (rest.length > 1 && !titleLike(unitText(rest[0] as Unit))) intro.push(rest.shift() as Unit);
  return {
    heading: { name: unitText(headingUnit), line: headingUnit.line },
    intro,
    ...titleAndDescription(rest),
    dropped: first ? [] : units.slice(0, headingAt),
  };
}

function titleAndDescription(units: readonly Unit[]): Pick<Preamble, 'title' | 'description'> {
  const [title, ...description] = units;
  return title === undefined ? { description: [] } : { title, description };
}

/** Prose text of units: paragraphs kept apart in the blank layout, wrapped lines joined in the pipe layouts. */
export function proseText(layout: Layout, units: readonly Unit[]): string {
  if (layout === 'blank') return units.map(unitText).join('\n\n').trim();
  return joinWrapped(units.flatMap((u) => u.lines.map((l) => l.text)));
}
