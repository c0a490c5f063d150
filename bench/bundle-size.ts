/**
 * Bundle size of a generated client for a program that calls one operation.
 *
 *   npm run bench:size            # table on stdout
 *   npm run bench:size -- --json  # the same figures as JSON
 *   npm run bench:size -- --root /tmp/old  # packages under /tmp/old/generated/ (e.g. a copy made before a change)
 *
 * Two programs per provider (a provider whose package is absent under generated/ is skipped):
 * - `client`: imports the generated client class and calls `dns.getServiceDnsByZoneId` (else the first
 *   operation). The whole client class and the whole `operations` table come along, since an object's
 *   properties and a class's methods cannot be tree-shaken.
 * - `runtime + 1 op`: the same call through the package's runtime alone: `ApiClient` with the provider
 *   defaults the generated client passes (copied from its `super(...)` call, with the `jwtSession` and
 *   `hostbillRules` they name) and that one operation's entry of the `operations` table. This is what
 *   the runtime costs a program; the 3.5 kB target is for it.
 * Providers offering JWT sign in with `scheme: 'jwt'` (the JWT code is then in the bundle, if the client
 * passes `jwtSession`); the others with Basic auth.
 *
 * Each program is bundled in memory with esbuild (bundle, minify, ESM, browser platform, tree shaking);
 * reported: minified size, gzip size (node:zlib, level 9), and whether the JWT code was included.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const rootArg = process.argv.indexOf('--root');
const ROOT = rootArg < 0 ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') : path.resolve(process.argv[rootArg + 1] ?? '.');
/** The target of issue 14 for a program calling one operation through the runtime, retries, timeouts and auth included. */
const TARGET_GZIP = 3.5 * 1024;
const PROVIDERS = ['time4vps', 'dns-services'];
const METHOD = 'getServiceDnsByZoneId';
/** A string only the JWT module contains. */
const JWT_MARKER = 'JWT response carried no token';

interface Row {
  provider: string;
  program: string;
  auth: string;
  minified: number;
  gzip: number;
  jwtIncluded: boolean;
}

interface Op {
  group: string;
  name: string;
  pathParams: string[];
}

async function bundle(contents: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'program.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

async function measure(id: string): Promise<Row[]> {
  const dir = `./generated/${id}/src`;
  const clientSource = readFileSync(path.join(ROOT, dir, 'client.ts'), 'utf8');
  const className = /export class (\w+)\s+extends ApiClient/.exec(clientSource)?.[1];
  let defaults = /super\(options, (\{[\s\S]*?\})\);/.exec(clientSource)?.[1];
  if (!className || !defaults) throw new Error(`${dir}/client.ts: no client class or super(options, …) call`);
  const jwt = /authSchemes: \[[^\]]*'jwt'/.test(defaults);
  // Until the generator passes `jwtSession`, add it as it is to be emitted, so the JWT figure is real.
  const jwtAdded = jwt && !/\bjwtSession\b/.test(defaults);
  if (jwtAdded) defaults = defaults.replace(/,?\s*\}$/, ', jwtSession }');

  const { operations } = (await import(path.join(ROOT, dir, 'operations.ts'))) as { operations: Record<string, Op> };
  const all = Object.values(operations);
  const op = all.find((o) => o.name === METHOD) ?? all[0]!;
  const params = `{ ${op.pathParams.map((p, i) => `${p}: ${i + 1}`).join(', ')} }`;
  const auth = `{ username: 'user@example.com', password: 'secret'${jwt ? ", scheme: 'jwt' as const" : ''} }`;
  const authLabel = jwt ? 'JWT' : 'Basic';

  const programs: [string, string, string][] = [
    [
      'client',
      `import { ${className} } from '${dir}/index.ts';
       const client = new ${className}({ auth: ${auth} });
       console.log(await client.${op.group}.${op.name}(${params}));`,
      jwtAdded ? `${authLabel} (client passes no jwtSession yet)` : authLabel,
    ],
    [
      'runtime + 1 op',
      // Namespace imports, so that runtimes of every layout bundle: `jwtSession` from index.ts (until
      // issue 10) or jwt.ts, `hostbillRules` from hostbill.ts (from issue 10; before, `hostbill: true`).
      `import * as runtime from '${dir}/runtime/index.ts';
       import * as jwtModule from '${dir}/runtime/jwt.ts';
       import * as hostbillModule from '${dir}/runtime/hostbill.ts';
       const jwtSession = (jwtModule as { jwtSession?: unknown }).jwtSession ?? (runtime as { jwtSession?: unknown }).jwtSession;
       const hostbillRules = (hostbillModule as { hostbillRules?: unknown }).hostbillRules;
       class Client extends runtime.ApiClient {
         constructor(options?: runtime.ClientOptions) {
           super(options, ${defaults} as never);
         }
       }
       const op: runtime.OperationSpec = ${JSON.stringify(op)};
       const client = new Client({ auth: ${auth} });
       console.log(await client.request(op, ${params}));`,
      jwtAdded ? `${authLabel} (jwtSession added as the generator is to emit it)` : authLabel,
    ],
  ];
  const rows: Row[] = [];
  for (const [program, contents, authText] of programs) {
    const code = await bundle(contents);
    rows.push({
      provider: id,
      program,
      auth: authText,
      minified: code.byteLength,
      gzip: gzipSync(code, { level: 9 }).byteLength,
      jwtIncluded: Buffer.from(code).includes(JWT_MARKER),
    });
  }
  return rows;
}

const rows: Row[] = [];
for (const id of PROVIDERS) {
  if (!existsSync(path.join(ROOT, 'generated', id, 'src', 'client.ts'))) {
    console.error(`skipped ${id}: generated/${id} does not exist`);
    continue;
  }
  rows.push(...(await measure(id)));
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log('| provider | program | auth | minified | gzip | JWT code in bundle | gzip ≤ 3.5 kB |');
  console.log('| --- | --- | --- | ---: | ---: | --- | --- |');
  for (const r of rows) {
    const ok = r.gzip <= TARGET_GZIP ? 'yes' : 'no';
    console.log(`| ${r.provider} | ${r.program} | ${r.auth} | ${r.minified} B | ${r.gzip} B | ${r.jwtIncluded ? 'yes' : 'no'} | ${ok} |`);
  }
}
