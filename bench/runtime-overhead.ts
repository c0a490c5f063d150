/**
 * Per-request overhead of the generated client's runtime against plain `fetch`.
 *
 *   npm run bench:runtime                                     # 5 rounds of 2,000 requests per side
 *   npm run bench:runtime -- --rounds 3 --requests 500 --json
 *   npm run bench:runtime -- --root /tmp/old                  # the client under /tmp/old/generated/time4vps
 *
 * All sides call the same node:http server on 127.0.0.1 (a free port, started and stopped here):
 * `GET /api/service/1/dns/2` answering a small JSON zone (keep-alive, so after warm-up no side opens
 * connections). Sides:
 * - `client`: the generated Time4VPS client, `client.dns.getServiceDnsByZoneId({ service_id: 1, zone_id: 2 })`
 *   with Basic auth and the default settings (60 s timeout per attempt, 2 retries, no hooks, no logger);
 * - `fetch`: `fetch` with the same URL, Authorization and Accept headers, then `await res.json()`;
 * - `fetch + timeout`: the same plus what any per-request timeout costs with fetch: an AbortController
 *   whose signal goes to fetch, and a timer (reference only: it shows how much of the overhead is the
 *   AbortSignal, which undici in Node 20 makes expensive).
 * The client is bundled with esbuild first (ESM, not minified) and imported from a temporary file, so
 * the JavaScript measured is what a consumer runs, not tsx's on-the-fly transform of the sources.
 * Requests are sequential and interleaved (the order of the sides rotates every request) so that drift
 * in the machine's speed hits all sides alike; every side is warmed up first. Reported: the median
 * per-request time of each side, per round and over all requests, and the client's overhead in percent.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const arg = (name: string, fallback: number, max: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} takes an integer from 1 to ${max}`);
    process.exit(2);
  }
  return n;
};
const ROUNDS = arg('rounds', 5, 50);
const REQUESTS = arg('requests', 2000, 100_000);
const WARMUP = Math.min(500, REQUESTS);
const rootArg = process.argv.indexOf('--root');
const ROOT = rootArg < 0 ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') : path.resolve(process.argv[rootArg + 1] ?? '.');

/** The generated client, bundled to plain JavaScript in a temporary folder and imported. */
async function loadClient(): Promise<typeof import('../generated/time4vps/src/index.ts')> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-runtime-'));
  try {
    const result = await build({
      entryPoints: [path.join(ROOT, 'generated/time4vps/src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const file = path.join(dir, 'time4vps.mjs');
    writeFileSync(file, result.outputFiles[0]!.contents);
    return (await import(pathToFileURL(file).href)) as typeof import('../generated/time4vps/src/index.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ZONE = Buffer.from(
  JSON.stringify({
    service_id: 1,
    zone_id: 2,
    name: 'example.com',
    records: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `host${i}`, type: 'A', content: `192.0.2.${i + 1}`, ttl: 3600 })),
  }),
);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url !== '/api/service/1/dns/2') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":["invalid method"]}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': ZONE.byteLength }).end(ZONE);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const { Time4vpsClient } = await loadClient();
const auth = { username: 'bench@example.com', password: 'bench-password' };
const client = new Time4vpsClient({ baseUrl: `${origin}/api`, auth });
const url = `${origin}/api/service/1/dns/2`;
const headers = { accept: 'application/json', authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };

const sides = {
  client: () => client.dns.getServiceDnsByZoneId({ service_id: 1, zone_id: 2 }) as Promise<unknown>,
  fetch: async () => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  },
  'fetch + timeout': async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const res = await fetch(url, { headers, signal: controller.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as unknown;
    } finally {
      clearTimeout(timer);
    }
  },
};
type Side = keyof typeof sides;
const SIDES = Object.keys(sides) as Side[];

/** `n` sequential requests per side, interleaved; per-request times in ms. */
async function run(n: number): Promise<Record<Side, number[]>> {
  const times = Object.fromEntries(SIDES.map((s) => [s, [] as number[]])) as Record<Side, number[]>;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < SIDES.length; j++) {
      const side = SIDES[(i + j) % SIDES.length]!;
      const t0 = performance.now();
      const body = (await sides[side]()) as { zone_id?: number };
      times[side].push(performance.now() - t0);
      if (body.zone_id !== 2) throw new Error(`${side}: unexpected body`);
    }
  }
  return times;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (x: number, base: number) => ((x - base) / base) * 100;

try {
  await run(WARMUP);
  const all = Object.fromEntries(SIDES.map((s) => [s, [] as number[]])) as Record<Side, number[]>;
  const perRound: Record<Side, number>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const times = await run(REQUESTS);
    for (const s of SIDES) all[s].push(...times[s]);
    perRound.push(Object.fromEntries(SIDES.map((s) => [s, median(times[s])])) as Record<Side, number>);
  }
  const rows = [...perRound.map((m, i) => [String(i + 1), m] as const), ['all', Object.fromEntries(SIDES.map((s) => [s, median(all[s])])) as Record<Side, number>] as const];
  const total = rows.at(-1)![1];
  const summary = {
    node: process.version,
    rounds: ROUNDS,
    requestsPerSide: REQUESTS,
    medianMs: total,
    overheadVsFetchPct: pct(total.client, total.fetch),
    overheadVsFetchWithTimeoutPct: pct(total.client, total['fetch + timeout']),
    perRound,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summary, null, 2));
  } else {
    const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
    const sign = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`;
    console.log(`Node ${process.version}, ${ROUNDS} rounds × ${REQUESTS} sequential requests per side, interleaved, after ${WARMUP} warm-up each`);
    console.log('| round | client | fetch | fetch + timeout | client vs fetch | client vs fetch + timeout |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [round, m] of rows) {
      console.log(`| ${round} | ${us(m.client)} | ${us(m.fetch)} | ${us(m['fetch + timeout'])} | ${sign(pct(m.client, m.fetch))} | ${sign(pct(m.client, m['fetch + timeout']))} |`);
    }
  }
} finally {
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
