/** CHANGELOG.md entries: plain Markdown, no timestamps unless a date is given. */
import { changeLine, code, SEVERITIES, SEVERITY_TITLES, type Change } from './change.ts';

export const CHANGELOG_TITLE = '# Changelog';

export interface ChangelogEntry {
  readonly version: string;
  /** YYYY-MM-DD, only when the caller passed one (`--date`); never the clock. */
  readonly date?: string;
  readonly specVersion?: string;
  readonly specHash?: string;
  readonly changes: readonly Change[];
  /** Generated files that changed beyond openapi.json (a newer generator or runtime); listed only when `changes` is empty. */
  readonly generatedFiles: readonly string[];
  /** A package that did not exist at the base ref. */
  readonly initial?: { readonly operations: number };
}

export function renderEntry(entry: ChangelogEntry): string {
  const lines = [`## ${entry.version}${entry.date ? ` (${entry.date})` : ''}`, ''];
  if (entry.specVersion !== undefined || entry.specHash !== undefined) {
    const parts = [entry.specVersion ? `spec version ${code(entry.specVersion)}` : undefined, entry.specHash ? code(entry.specHash) : undefined];
    lines.push(`Generated from ${parts.filter(Boolean).join(', ')}.`, '');
  }
  if (entry.initial) {
    lines.push(`Initial release: ${entry.initial.operations} operation${entry.initial.operations === 1 ? '' : 's'}.`, '');
    return `${lines.join('\n')}\n`;
  }
  for (const severity of SEVERITIES) {
    const group = entry.changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push(`### ${SEVERITY_TITLES[severity]}`, '', ...group.map(changeLine), '');
  }
  // With API changes the generated code changes with them; the list matters only when it is the whole story.
  if (entry.changes.length === 0 && entry.generatedFiles.length > 0) {
    lines.push('### Generated code', '', `Regenerated without an API change to these files: ${entry.generatedFiles.map(code).join(', ')}.`, '');
  }
  return `${lines.join('\n')}\n`;
}

/** Puts `entry` first under the title of `existing` (which may be absent or lack a title). */
export function prependEntry(existing: string | undefined, entry: string): string {
  const body = (existing ?? '').replace(/\r\n/g, '\n');
  const rest = body.startsWith(`${CHANGELOG_TITLE}\n`) ? body.slice(CHANGELOG_TITLE.length + 1) : body;
  const tail = rest.replace(/^\n+/, '');
  return `${CHANGELOG_TITLE}\n\n${entry.replace(/\n+$/, '\n')}${tail ? `\n${tail}` : ''}`.replace(/\n*$/, '\n');
}
