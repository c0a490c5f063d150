import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the generator's CLIs (generate, check, …) as a process of its own with its root set to
 * `root`: the compiled CLI that `npm run <command>` runs, built from the current sources by
 * compiled-cli.setup.ts.
 */
export function runCli(command: string, args: readonly string[], root: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(inject('compiledCli'), `${command}.mjs`), ...args],
      { cwd: ROOT, env: { ...process.env, CLIENTGEN_ROOT: root, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface ProviderFixture {
  readonly id: string;
  readonly config?: Record<string, unknown>;
  /** File name → content (objects are written as JSON). */
  readonly files: Record<string, string | object>;
}

export const defaultConfig = (id: string): Record<string, unknown> => ({
  displayName: `Test ${id}`,
  packageName: `@clientgen/${id}`,
  baseUrl: `https://${id}.example.test/api`,
  auth: ['basic'],
  hostbill: true,
});

/** A throwaway project root with `specs/<id>/…` for each fixture. */
export async function tempWorkspace(providers: readonly ProviderFixture[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'clientgen-ws-'));
  for (const p of providers) {
    const dir = path.join(root, 'specs', p.id);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'provider.json'), JSON.stringify(p.config ?? defaultConfig(p.id), null, 2));
    for (const [name, content] of Object.entries(p.files)) {
      await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
  }
  return root;
}

/** A small valid HostBill-style Swagger 2.0 document. */
export function smallSwagger(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Small API', version: '1.0.0' },
    host: 'small.example.test',
    basePath: '/api',
    schemes: ['https'],
    paths: {
      '/details': {
        get: { tags: ['Clientarea'], summary: 'User Details', operationId: 'getDetails', responses: { 200: { description: 'Success' } } },
      },
      '/service/@id/label': {
        post: {
          tags: ['Services'],
          summary: 'Change label',
          operationId: 'set label',
          parameters: [
            { name: 'id', in: 'path', type: 'integer', required: true },
            { name: 'label', in: 'query', type: 'string', required: true },
          ],
          responses: { 200: { description: 'Success' } },
        },
      },
    },
  };
}
