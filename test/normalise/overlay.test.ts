import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../generator/normalise/overlay.ts';

async function overlayFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-overlay-'));
  const file = path.join(dir, 'overlay.yaml');
  await writeFile(file, text);
  return file;
}

const document = () => ({ swagger: '2.0', paths: { '/crt': { get: { produces: ['application/json'], summary: 'Cert' } } } });

describe('applyOverlay', () => {
  it('applies remove and update actions in order and lists them', async () => {
    const file = await overlayFile(`overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: "$.paths['/crt'].get.produces"
    remove: true
  - target: "$.paths['/crt'].get"
    description: binary download
    update: { produces: [application/pkix-cert] }
`);
    const result = await applyOverlay(document(), file);
    expect(result.document).toEqual({ swagger: '2.0', paths: { '/crt': { get: { produces: ['application/pkix-cert'], summary: 'Cert' } } } });
    expect(result.applied).toHaveLength(2);
    expect(result.applied[1]).toContain('binary download');
  });

  it('does not modify the input document', async () => {
    const file = await overlayFile(`overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: "$.paths['/crt'].get"\n    update: { summary: X }\n`);
    const input = document();
    await applyOverlay(input, file);
    expect(input.paths['/crt'].get.summary).toBe('Cert');
  });

  it('fails, naming the action, when a target matches nothing', async () => {
    const file = await overlayFile(`overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: "$.paths['/gone'].get"\n    update: { summary: X }\n`);
    await expect(applyOverlay(document(), file)).rejects.toThrow(`${file} at #/actions/0: overlay action targets "$.paths['/gone'].get", which matches nothing`);
  });

  it('rejects a file that is not an overlay document', async () => {
    const file = await overlayFile('openapi: 3.0.0\n');
    await expect(applyOverlay(document(), file)).rejects.toThrow('not an OpenAPI Overlay 1.0 document');
  });
});
