import path from 'node:path';
import type { OperationSpec } from '../../templates/runtime/types.ts';
import type { MockOptions, MockProvider } from '../../templates/testing/mock-provider.ts';
import type { MockServer } from '../../templates/testing/server.ts';
import { kitPackage, type KitPackage } from './kit-package.ts';

/** A kit package loaded: its client class, `operations` table and test kit, and calls by route (names change, routes do not). */
export interface LoadedKit extends KitPackage {
  readonly operations: Record<string, OperationSpec>;
  readonly runtime: Record<string, new (...args: never[]) => Error>;
  createMockProvider(options?: MockOptions): MockProvider;
  startMockServer(options?: MockOptions & { port?: number }): Promise<MockServer>;
  client(options: Record<string, unknown>): Client;
  /** The operation at `METHOD /path`, if the package has it. */
  find(route: string): OperationSpec | undefined;
}

export type Client = Record<string, Record<string, (params?: unknown, options?: unknown) => Promise<unknown>>> & {
  paginate(op: OperationSpec, params?: object): AsyncIterable<unknown>;
  logout(): Promise<void>;
};

export async function loadKit(id: string): Promise<LoadedKit> {
  const kit = await kitPackage(id);
  const pkg = (await import(path.join(kit.dir, 'src/index.ts'))) as Record<string, unknown>;
  const testing = (await import(path.join(kit.dir, 'src/testing/index.ts'))) as Pick<LoadedKit, 'createMockProvider' | 'startMockServer'>;
  const Client = Object.values(pkg).find(
    (v) => typeof v === 'function' && /Client$/.test(v.name) && v.name !== 'ApiClient',
  ) as new (options: unknown) => Client;
  const operations = pkg['operations'] as Record<string, OperationSpec>;
  return {
    ...kit,
    operations,
    runtime: pkg as LoadedKit['runtime'],
    createMockProvider: testing.createMockProvider,
    startMockServer: testing.startMockServer,
    client: (options) => new Client({ maxRetries: 0, ...options }),
    find: (route) => Object.values(operations).find((op) => `${op.method} ${op.path}` === route),
  };
}

/** Calls the operation at `route` through the client, by whatever name the client gives it. */
export function call(kit: LoadedKit, client: Client, route: string, params: unknown = {}, options?: unknown): Promise<unknown> {
  const op = kit.find(route);
  if (!op) throw new Error(`${kit.packageName} has no operation ${route}`);
  return client[op.group]![op.name]!(params, options);
}

