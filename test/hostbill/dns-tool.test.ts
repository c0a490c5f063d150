/**
 * The DNS tool of the root README ("One tool for every HostBill provider"), written against the
 * `HostBillDns` interface: it must compile with no cast against every package whose client implements
 * that interface, and run unchanged (only its import names another package) against each one's test kit.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { hostbillInterfaces } from '../../generator/render/hostbill-common.ts';
import { workspace } from '../../generator/workspace.ts';
import { typecheckPackage } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';
import { loadKit, type LoadedKit } from '../testing/kit-client.ts';

const ws = workspace(ROOT);
const BASIC = { username: 'user@example.com', password: 'secret' };

/** The program as the README shows it: the ```ts block after the `<!-- dns-tool -->` marker. */
async function readmeProgram(): Promise<{ source: string; importedFrom: string }> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- dns-tool -->\n```ts\n([\s\S]*?)^```$/m.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no dns-tool block');
  const importedFrom = /from '([^']+)';/.exec(block)?.[1];
  if (!importedFrom) throw new Error('the dns-tool block imports no package');
  return { source: block, importedFrom };
}

const kits = new Map<string, LoadedKit>();
let program: { source: string; importedFrom: string };
let dir: string;
/** The program per provider: the same text, its import naming that provider's package source. */
const copies = new Map<string, string>();

beforeAll(async () => {
  program = await readmeProgram();
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(path.join(ROOT, '.tmp', 'dns-tool-'));
  for (const id of await listProviders(ws.specsDir)) {
    const kit = await loadKit(id);
    if (!hostbillInterfaces(kit.model).includes('HostBillDns')) continue;
    kits.set(id, kit);
    const file = path.join(dir, `${id}.ts`);
    const target = path.join(kit.dir, 'src/index.ts');
    await writeFile(file, program.source.replace(`from '${program.importedFrom}'`, `from ${JSON.stringify(target)}`));
    copies.set(id, file);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the README DNS tool', () => {
  it('is offered by every provider that documents the DNS calls it needs (BKNS documents no zone read)', () => {
    expect([...kits.keys()].sort()).toEqual(['balvps', 'brainoza', 'dns-services', 'time4vps']);
    expect(program.importedFrom).toBe('@clientgen/dns-services');
    // No cast and no non-null assertion: the interface's types carry the program.
    expect(program.source).not.toMatch(/\sas\s(?!const\b)/);
    expect(program.source).not.toMatch(/\w!(?=[.)\],;])/);
  });

  it('type-checks under strict against every DNS provider, each client passed as HostBillDns', async () => {
    const uses = [...kits].map(([id, kit]) => {
      const className = kit.model.className;
      return [
        `import { ${className} } from ${JSON.stringify(path.join(kit.dir, 'src/index.ts'))};`,
        `import { addAndRemoveTxt as tool_${id.replace(/\W/g, '_')} } from './${id}.js';`,
        `export const run_${id.replace(/\W/g, '_')} = () => tool_${id.replace(/\W/g, '_')}(new ${className}(), '_acme-challenge', 'token');`,
      ].join('\n');
    });
    // toList keeps the element type: a record's fields are typed, not `any` or `unknown`.
    uses.push(
      `import { toList, type GetZoneResponse } from ${JSON.stringify(path.join((kits.get('time4vps') as LoadedKit).dir, 'src/index.ts'))};`,
      'export function types(zone: GetZoneResponse): string[] {',
      '  const out: string[] = [];',
      '  for (const record of toList(zone.records)) out.push(record.type, String(record.id));',
      '  // @ts-expect-error a record type is a string',
      '  const wrong: number = toList(zone.records)[0]!.type;',
      '  return [...out, String(wrong)];',
      '}',
    );
    await writeFile(path.join(dir, 'uses.ts'), uses.join('\n'));
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: true, allowImportingTsExtensions: true },
        files: [...copies.values(), path.join(dir, 'uses.ts')],
      }),
    );
    const { code, output } = await typecheckPackage(dir);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it.each(['balvps', 'brainoza', 'dns-services', 'time4vps'])('runs unchanged against the test kit of %s: the TXT record is added, found and deleted', async (id) => {
    const kit = kits.get(id) as LoadedKit;
    const { addAndRemoveTxt } = (await import(copies.get(id) as string)) as { addAndRemoveTxt: (api: unknown, name: string, content: string) => Promise<{ id: unknown; type: string; content: unknown } | undefined> };
    const mock = kit.createMockProvider({ credentials: BASIC, dns: [{ service_id: 7, zone_id: 70, name: 'example.test', records: [{ name: 'www', type: 'A', content: '192.0.2.1' }] }] });
    const client = kit.client({ auth: BASIC, fetch: mock.fetch });
    const added = await addAndRemoveTxt(client, '_acme-challenge', 'token-1');
    expect(added).toMatchObject({ type: 'TXT', content: 'token-1' });
    const routes = mock.calls.map((c) => `${c.method} ${c.operation}`);
    expect(routes).toEqual(['GET dns.listZones', 'POST dns.createRecord', 'GET dns.getZone', 'DELETE dns.deleteRecord']);
    expect(mock.calls.every((c) => c.status === 200)).toBe(true);
    const zone = (await client['dns']!['getZone']!({ service_id: 7, zone_id: 70 })) as { records: { type: string }[] | Record<string, { type: string }> };
    expect(Object.values(zone.records).map((r) => r.type)).toEqual(['A']);
  });
});
