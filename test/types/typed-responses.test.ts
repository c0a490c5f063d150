import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.ts';

const PROVIDERS = ['time4vps', 'brainoza', 'dns-services', 'balvps', 'bkns'] as const;

/** Every `<Name>Response` alias of a generated package, with the type it stands for. */
async function responseAliases(id: string): Promise<{ name: string; type: string }[]> {
  const text = await readFile(path.join(ROOT, 'generated', id, 'src/types.ts'), 'utf8');
  return [...text.matchAll(/export type (\w+Response) =\s*([^;]+);/g)].map((m) => ({ name: m[1] as string, type: (m[2] as string).replace(/\s+/g, ' ').trim() }));
}

describe('typed responses across the five providers', () => {
  it('at least 180 operations return a typed response, binary downloads as Blob', async () => {
    const counts = new Map<string, { operations: number; json: number; binary: number }>();
    for (const id of PROVIDERS) {
      const aliases = await responseAliases(id);
      const binary = aliases.filter((a) => a.type === 'Blob').length;
      const json = aliases.filter((a) => a.type !== 'Blob' && a.type !== 'unknown').length;
      counts.set(id, { operations: aliases.length, json, binary });
    }
    expect(Object.fromEntries([...counts].map(([id, c]) => [id, c.operations]))).toEqual({ time4vps: 73, brainoza: 13, 'dns-services': 83, balvps: 32, bkns: 135 });
    const total = [...counts.values()].reduce((sum, c) => sum + c.json + c.binary, 0);
    const binary = [...counts.values()].reduce((sum, c) => sum + c.binary, 0);
    expect(total).toBeGreaterThanOrEqual(180);
    // The Time4VPS certificate, the DNS.services attachment, BKNS's attachment and document downloads.
    expect(binary).toBeGreaterThanOrEqual(5);
  });
});
