import { format } from 'prettier';

const PARSERS: Record<string, string> = { '.ts': 'typescript', '.json': 'json', '.md': 'markdown', '.yaml': 'yaml', '.yml': 'yaml' };

export const PRETTIER_OPTIONS = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** Formats one emitted file with prettier; files of other kinds only get a final newline. */
export async function formatFile(name: string, content: string): Promise<string> {
  const ext = name.slice(name.lastIndexOf('.'));
  const parser = PARSERS[ext];
  if (!parser) return content.endsWith('\n') ? content : `${content}\n`;
  return format(content, { ...PRETTIER_OPTIONS, parser });
}
