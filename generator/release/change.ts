/**
 * One difference between two normalised OpenAPI documents, as the diff and the changelog show it.
 *
 * `severity` drives the version bump: `breaking` (code written against the old package may stop
 * compiling or working), `feature` (new or widened capability, nothing existing breaks) and `docs`
 * (descriptions, examples, metadata: nothing a caller can observe in types or requests).
 */
export type Severity = 'breaking' | 'feature' | 'docs';

export type ChangeKind =
  | 'operation-removed'
  | 'operation-added'
  | 'operation-id-changed'
  | 'group-changed'
  | 'operation-renamed'
  | 'parameter-removed'
  | 'parameter-renamed'
  | 'parameter-added'
  | 'parameter-required'
  | 'parameter-optional'
  | 'parameter-moved'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'response-changed'
  | 'response-field-removed'
  | 'response-field-added'
  | 'response-field-type-changed'
  | 'docs-changed';

export interface Change {
  readonly severity: Severity;
  readonly kind: ChangeKind;
  /** `METHOD /path` of the operation, absent for document-level changes. */
  readonly operation?: string;
  /** The parameter name or dotted response-field path the change is about. */
  readonly target?: string;
  /** One line of Markdown-safe text, e.g. "parameter `label` removed". */
  readonly message: string;
}

export const SEVERITIES: readonly Severity[] = ['breaking', 'feature', 'docs'];

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  breaking: 'Breaking changes',
  feature: 'Non-breaking changes',
  docs: 'Documentation and metadata',
};

export type ChangeCounts = Readonly<Record<Severity, number>>;

export function countChanges(changes: readonly Change[]): ChangeCounts {
  const counts = { breaking: 0, feature: 0, docs: 0 };
  for (const change of changes) counts[change.severity] += 1;
  return counts;
}

export function hasBreaking(changes: readonly Change[]): boolean {
  return changes.some((c) => c.severity === 'breaking');
}

/** Inline code in Markdown: backticks inside spec-provided names cannot end the span. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' ')}\``;
}

/** `- \`GET /x\`: message` */
export function changeLine(change: Change): string {
  return change.operation === undefined ? `- ${change.message}` : `- ${code(change.operation)}: ${change.message}`;
}
