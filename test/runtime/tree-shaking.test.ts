/**
 * Bundles of clients that need neither HostBill's body rules nor JWT leave that code out: the
 * generated client imports `hostbillRules` and `jwtSession` from their own modules only when needed.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RUNTIME = path.resolve(import.meta.dirname, '../../templates/runtime');
/** Strings only hostbill.ts and jwt.ts contain. */
const HOSTBILL_MARKER = 'wait_';
const JWT_MARKER = 'JWT response carried no token';

async function bundle(imports: string, defaults: string): Promise<string> {
  const contents = `${imports}
    import { ApiClient } from './index.ts';
    class Client extends ApiClient { constructor() { super({}, { baseUrl: 'https://api.example.test', envPrefix: 'X', authSchemes: ['basic', 'jwt'], ${defaults} }); } }
    console.log(await new Client().request({ method: 'GET', path: '/x', group: 'g', name: 'x', pathParams: [], queryParams: [], bodyParams: [], body: 'none', auth: true, response: 'json' }, {}));`;
  const result = await build({
    stdin: { contents, resolveDir: RUNTIME, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('tree shaking', () => {
  it('a generic Basic client has neither HostBill rules nor JWT code', async () => {
    const code = await bundle('', '');
    expect(code).not.toContain(HOSTBILL_MARKER);
    expect(code).not.toContain(JWT_MARKER);
  });

  it('each comes in with its import', async () => {
    const hostbill = await bundle("import { hostbillRules } from './hostbill.ts';", 'rules: hostbillRules');
    expect(hostbill).toContain(HOSTBILL_MARKER);
    expect(hostbill).not.toContain(JWT_MARKER);
    const jwt = await bundle("import { jwtSession } from './jwt.ts';", 'jwtSession');
    expect(jwt).toContain(JWT_MARKER);
    expect(jwt).not.toContain(HOSTBILL_MARKER);
  });
});
