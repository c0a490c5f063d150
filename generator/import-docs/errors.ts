import { GeneratorError } from '../errors.ts';

/**
 * A page the importer cannot turn into a document. The message starts with `<file>:<line>:` so an
 * editor can jump to the spot; the CLI prints it and exits 1.
 */
export class ImportDocsError extends GeneratorError {
  constructor(file: string, line: number, problem: string) {
    super({ file, line }, problem);
  }
}

/** Something the importer decided by rule, or could not decide, at a page line (1-based). */
export interface ImportNote {
  readonly line: number;
  readonly message: string;
}

export function formatNote(note: ImportNote): string {
  return `line ${note.line}: ${note.message}`;
}

/** Page order, then text, so the note list never depends on the order the rules ran in. */
export function sortNotes(notes: readonly ImportNote[]): ImportNote[] {
  const seen = new Set<string>();
  return [...notes]
    .sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))
    .filter((n) => {
      const key = formatNote(n);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
