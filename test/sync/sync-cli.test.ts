import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server.ts';
import { runInProcess } from '../helpers/in-process.ts';
import { defaultConfig, runCli, tempWorkspace } from '../helpers/workspace.ts';
import { committedSwagger, operationCount, republishedSwagger, startProviderServer } from './fixtures.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.close();
});

const read = (root: string, id: string) => readFile(path.join(root, 'specs', id, 'swagger.json'), 'utf8');

/** In this process, but for the entry's own help and exit code in the last test. */
describe('sync CLI', () => {
  it('syncs every provider with a specUrl, reports each, keeps going past a failure and exits 1', async () => {
    const root = await tempWorkspace([
      { id: 'bad', config: { ...defaultConfig('bad'), specUrl: `${server.url}/html` }, files: { 'swagger.json': committedSwagger } },
      { id: 'good', config: { ...defaultConfig('good'), specUrl: `${server.url}/swagger` }, files: { 'swagger.json': committedSwagger } },
      { id: 'nourl', files: { 'swagger.json': committedSwagger } },
    ]);
    const published = republishedSwagger();
    const result = await runInProcess('sync', [], root);
    expect(result.code).toBe(1);
    // Providers without a specUrl are set aside first; the others are synced in name order.
    expect(result.stdout).toBe(
      [
        'nourl: skipped, no specUrl',
        `good: specs/good/swagger.json updated (${Buffer.byteLength(committedSwagger)} → ${Buffer.byteLength(published)} bytes); ${operationCount(committedSwagger)} → ${operationCount(published)} operations`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(/^error: bad: http:\/\/127\.0\.0\.1:\d+\/html: expected a Swagger\/OpenAPI document but got an HTML page .*\(committed files left as they were\)\n$/);
    expect(await read(root, 'good')).toBe(published);
    expect(await read(root, 'bad')).toBe(committedSwagger);

    const again = await runInProcess('sync', ['--provider', 'good'], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`good: specs/good/swagger.json unchanged (${Buffer.byteLength(published)} bytes); ${operationCount(published)} operations\n`);
  });

  it('--url overrides specUrl; --timeout bounds the wait', async () => {
    const root = await tempWorkspace([{ id: 'acme', config: { ...defaultConfig('acme'), specUrl: 'https://unreachable.invalid/?cmd=userapi&action=swagger' }, files: { 'swagger.json': committedSwagger } }]);
    const hang = await runInProcess('sync', ['--provider', 'acme', '--url', `${server.url}/hang`, '--timeout', '200'], root);
    expect(hang.code).toBe(1);
    expect(hang.stderr).toContain('no answer within 0.2 s');
    const ok = await runInProcess('sync', ['--provider', 'acme', '--url', `${server.url}/swagger`], root);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(await read(root, 'acme')).toBe(republishedSwagger());
  });

  it('--help exits 0; usage errors exit 2', async () => {
    const root = await tempWorkspace([{ id: 'acme', files: { 'swagger.json': committedSwagger } }]);
    const help = await runCli('sync', ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--provider <id\.\.\.>[\s\S]*--url <url>[\s\S]*--timeout <ms>[\s\S]*--dry-run/);
    expect((await runCli('sync', ['--timeout', 'soon'], root)).code).toBe(2);
    for (const args of [['--url', 'http://127.0.0.1:9/x'], ['--provider', 'nope']]) {
      const result = await runInProcess('sync', args, root);
      expect(result.code, args.join(' ')).toBe(2);
    }
  });
});
