import type { NormalisePass, ReportEntry, SourcePass } from '../normalise/pass.ts';
import { markdownCode, markdownText } from './shared/escape.ts';

/**
 * The human-readable list of what each normalisation pass changed, written beside openapi.json.
 * Titles and messages quote spec text (operationIds, names, descriptions), so every one goes through
 * the escaping module: the report is rendered as Markdown (and HTML) wherever it is viewed.
 */
export function renderReport(
  title: string,
  specFile: string,
  passes: readonly (NormalisePass | SourcePass)[],
  entries: readonly ReportEntry[],
  operationCount: number,
): string {
  const lines = [`# Normalisation report: ${markdownText(title)}`, '', `Source: \`${markdownCode(specFile)}\`. Operations: ${operationCount}.`, ''];
  const byPass = new Map<string, ReportEntry[]>();
  for (const entry of entries) byPass.set(entry.pass, [...(byPass.get(entry.pass) ?? []), entry]);
  const rules = new Map(passes.map((p) => [p.name, p.rule]));
  for (const [pass, list] of byPass) {
    const changes = list.filter((e) => e.kind === 'change');
    const warnings = list.filter((e) => e.kind === 'warning');
    lines.push(`## ${pass} (${changes.length} change${changes.length === 1 ? '' : 's'}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''})`, '');
    const rule = rules.get(pass);
    if (rule) lines.push(rule, '');
    for (const e of list) {
      const text = `${e.kind === 'warning' ? '**warning:** ' : ''}${markdownText(e.message)}`;
      lines.push(`- ${text}${e.pointer !== undefined ? ` (\`#${markdownCode(e.pointer)}\`)` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
