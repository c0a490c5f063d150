import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes } from '../../generator/render/schema-file.ts';
import { formatFile, formatPrintedTypeScript, PRETTIER_OPTIONS } from '../../generator/render/shared/format.ts';
import { ROOT } from '../helpers/workspace.ts';

describe('formatPrintedTypeScript', () => {
  it('gives the bytes of one formatFile call on openapi-typescript output cut into several parts', async () => {
    const printed = `// header\n${await renderSchemaTypes(await readFile(path.join(ROOT, 'generated/time4vps/openapi.json'), 'utf8'))}`;
    const cuts = printed.split('\nexport ').length - 1;
    expect(cuts).toBeGreaterThanOrEqual(4);
    expect(await formatPrintedTypeScript('src/schema.ts', printed, 1)).toBe(await formatFile('src/schema.ts', printed));
  });

  it('keeps a blank line between statements, a comment at column 0 with the statement it documents, and escaped text whole', async () => {
    const printed = [
      '// header',
      'export interface A {',
      '    a: string;',
      '}',
      '',
      'export type B = Record<string, never>;',
      '/** Documents C. */',
      'export interface C {',
      '    /** Inner: indented, as a printer writes it. */',
      '    c: "}\\nexport x";',
      '}',
      'export type D = C;',
      '',
    ].join('\n');
    const whole = await formatFile('src/schema.ts', printed);
    expect(whole).toContain('}\n\nexport type B');
    expect(await formatPrintedTypeScript('src/schema.ts', printed, 1)).toBe(whole);
  });
});

describe('formatFile on markdown', () => {
  const prettierMarkdown = (text: string) => format(text, { ...PRETTIER_OPTIONS, parser: 'markdown' });

  it('gives the bytes of prettier’s markdown printer, TypeScript blocks formatted in place', async () => {
    const readme = await readFile(path.join(ROOT, 'generated/dns-services/README.md'), 'utf8');
    // Unformatted blocks, as a template renders them before formatting.
    const raw = readme.replace(/```ts\n([\s\S]*?)```/g, (_, code: string) => `\`\`\`ts\n${code.replace(/\n\s*/g, '\n').replace(/'/g, '"')}\`\`\``);
    expect(raw).not.toBe(readme);
    const formatted = await formatFile('README.md', raw);
    expect(formatted).toBe(await prettierMarkdown(raw));
    expect(formatted).not.toBe(raw);
  });

  it('leaves a block it cannot parse as written, as prettier does, and only counts fences on lines of their own', async () => {
    const text = ['# T', '', '```ts', 'const = ;', '```', '', 'Text with ```ts inside', '', '```ts', "const a = {b:1}", '```', ''].join('\n');
    const formatted = await formatFile('notes.md', text);
    expect(formatted).toBe(await prettierMarkdown(text));
    expect(formatted).toContain('const = ;');
    expect(formatted).toContain('const a = { b: 1 };');
  });
});
