import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { renderProvider, renderProviders, workspace } from '../../generator/workspace.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

/** Providers rendered on worker threads give exactly what one thread gives, and errors keep their class. */
describe('rendering on worker threads', () => {
  it('gives byte-identical packages, in the order asked', async () => {
    const other = smallSwagger();
    (other.info as Record<string, unknown>).title = 'Other API';
    const root = await tempWorkspace([
      { id: 'one', files: { 'swagger.json': smallSwagger() } },
      { id: 'two', files: { 'swagger.json': other } },
    ]);
    const ws = workspace(root);
    const parallel = await renderProviders(ws, ['two', 'one'], 2);
    expect(parallel.map((r) => r.id)).toEqual(['two', 'one']);
    for (const result of parallel) {
      const single = await renderProvider(ws, result.id);
      expect([...result.files.keys()]).toEqual([...single.files.keys()]);
      for (const [name, content] of single.files) expect(result.files.get(name), `${result.id}/${name}`).toBe(content);
    }
  });

  it('rejects with the GeneratorError a worker raised, naming the file', async () => {
    const root = await tempWorkspace([
      { id: 'good', files: { 'swagger.json': smallSwagger() } },
      { id: 'bad', files: { 'swagger.json': '{ "swagger": "2.0", ' } },
    ]);
    const error = await renderProviders(workspace(root), ['good', 'bad'], 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).place.file).toContain('bad/swagger.json');
  });
});
