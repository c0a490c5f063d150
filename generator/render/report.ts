import type { NormalisePass, ReportEntry, SourcePass } from '../normalise/pass.ts';

/** The human-readable list of what each normalisation pass changed, written beside openapi.json. */
export function renderReport(
  title: string,
  specFile: string,
  passes: readonly (NormalisePass | SourcePass)[],
  entries: readonly ReportEntry[],
  operationCount: number,
): string {
  const lines = [`# Normalisation report: ${title}`, '', `Source: \`${specFile}\`. Operations: ${operationCount}.`, ''];
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
      const text = `${e.kind === 'warning' ? '**warning:** ' : ''}${e.message.replace(/[\r\n]+/g, ' ')}`.replace(/`/g, "'");
      lines.push(`- ${text}${e.pointer !== undefined ? ` (\`#${e.pointer.replace(/`/g, "'")}\`)` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
