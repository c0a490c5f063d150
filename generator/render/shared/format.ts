import { format } from 'prettier';

const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.json': 'json', '.md': 'markdown', '.yaml': 'yaml', '.yml': 'yaml' };

export const PRETTIER_OPTIONS = { printWidth: 100, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/**
 * Formats one emitted file with prettier; files of other kinds only get a final newline. TypeScript
 * is parsed by prettier's babel-ts parser, which prints what its typescript parser prints on
 * everything we emit in about 60 % of the time; a file babel cannot parse falls back to the
 * typescript parser.
 */
export async function formatFile(name: string, content: string): Promise<string> {
  const ext = name.slice(name.lastIndexOf('.'));
  const parser = PARSERS[ext];
  if (!parser) return content.endsWith('\n') ? content : `${content}\n`;
  if (parser !== 'babel-ts') return format(content, { ...PRETTIER_OPTIONS, parser });
  try {
    return await format(content, { ...PRETTIER_OPTIONS, parser });
  } catch {
    return format(content, { ...PRETTIER_OPTIONS, parser: 'typescript' });
  }
}
