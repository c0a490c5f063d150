/** The diff as Markdown text (fine in a terminal, a job summary and a pull-request body) and as JSON. */
import { changeLine, SEVERITIES, SEVERITY_TITLES } from './change.ts';
import type { ProviderDiff } from './provider-diff.ts';

export function formatCounts(diff: Pick<ProviderDiff, 'counts'>): string {
  const { breaking, feature, docs } = diff.counts;
  return `${breaking} breaking, ${feature} non-breaking, ${docs} documentation`;
}

export function formatProviderDiff(diff: ProviderDiff): string {
  const where = !diff.inBase ? `new since ${diff.base}` : !diff.inWorkingTree ? `removed since ${diff.base}` : `${diff.base} → working tree`;
  const lines = [`## ${diff.id} (${where})`, ''];
  if (diff.changes.length === 0) {
    lines.push('No API changes.', '');
    return lines.join('\n');
  }
  lines.push(`${formatCounts(diff)}.`, '');
  for (const severity of SEVERITIES) {
    const group = diff.changes.filter((c) => c.severity === severity);
    if (group.length > 0) lines.push(`### ${SEVERITY_TITLES[severity]}`, '', ...group.map(changeLine), '');
  }
  return lines.join('\n');
}

export function formatDiffText(diffs: readonly ProviderDiff[]): string {
  if (diffs.length === 0) return 'No generated providers to compare.\n';
  return `${diffs.map(formatProviderDiff).join('\n').replace(/\n+$/, '')}\n`;
}

export interface DiffReport {
  readonly base: string;
  readonly breaking: boolean;
  readonly providers: readonly ProviderDiff[];
}

export function diffReport(base: string, diffs: readonly ProviderDiff[]): DiffReport {
  return { base, breaking: diffs.some((d) => d.breaking), providers: diffs };
}
