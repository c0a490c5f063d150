import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes } from '../../generator/render/schema-file.ts';
import { formatFile, formatPrintedTypeScript } from '../../generator/render/shared/format.ts';
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
