import { buildSwagger, type ImportedSwagger } from './build-swagger.ts';
import { formatNote, type ImportNote, sortNotes } from './errors.ts';
import { pageLines } from './parse-page.ts';
import { readPage } from './read-page.ts';

export { ImportDocsError, type ImportNote } from './errors.ts';
export type { ImportedSwagger, SwaggerOperation } from './build-swagger.ts';
export { KNOWN_SECTIONS } from './sections.ts';

export interface ImportDocsOptions {
  /** Shown in error messages and notes' context (`<file>:<line>: …`). */
  readonly file: string;
  /** Overrides the host found in the samples. */
  readonly host?: string;
  /** Section headings beyond the built-in HostBill list (see sections.ts). */
  readonly sections?: readonly string[];
}

export interface ImportDocsResult {
  readonly document: ImportedSwagger;
  /** The same strings as the document's `x-import-notes`: "line N: …", in page order. */
  readonly notes: readonly string[];
  /** Structured form of `notes`. */
  readonly findings: readonly ImportNote[];
  readonly operationCount: number;
}

/**
 * Turns the text rendering of a HostBill API page (Slate-style `/userapi` docs) into a Swagger 2.0
 * document in the shape HostBill publishes. Throws `ImportDocsError` ("<file>:<line>: …") on a page
 * it cannot read; everything it decided by rule is in `notes`.
 */
export function importDocs(text: string, options: ImportDocsOptions): ImportDocsResult {
  const lines = pageLines(text);
  const collected: ImportNote[] = [];
  const page = readPage(options.file, lines, options.sections ?? [], collected);
  const built = buildSwagger(options.file, text, lines, page, options.host, collected);
  const findings = sortNotes(collected);
  const notes = findings.map(formatNote);
  return { document: { ...built, 'x-import-notes': notes }, notes, findings, operationCount: page.operations.length };
}

/** The document as written to `swagger.json`: two-space JSON with a trailing newline. */
export function serialiseDocument(document: ImportedSwagger): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
