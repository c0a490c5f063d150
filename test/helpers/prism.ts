import { createRequire } from 'node:module';
import { Writable } from 'node:stream';

/**
 * Stoplight Prism, an independent implementation of OpenAPI, mocking a document on 127.0.0.1 and
 * validating every request (`prism mock --errors`). It runs in the test's process, built from the
 * packages the CLI is made of, as `prism mock` builds it (prism-cli's createServer.js): a child
 * process per document cost about 1.7 CPU-s to start and more to pipe every log line through the
 * CLI's pretty-printer, five times per run. Its log lines are kept as the JSON pino writes.
 */
export interface Prism {
  readonly url: string;
  readonly log: string[];
  close(): Promise<void>;
}

interface PrismServer {
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const cli = require.resolve('@stoplight/prism-cli/package.json');
// The CLI's own dependencies, resolved from it, so the versions are the ones the CLI runs.
const fromCli = createRequire(cli);
const { getHttpOperationsFromSpec } = fromCli('@stoplight/prism-http') as { getHttpOperationsFromSpec(document: string): Promise<unknown[]> };
const { createServer } = fromCli('@stoplight/prism-http-server') as { createServer(operations: unknown[], options: unknown): PrismServer };
const { createLogger } = fromCli('@stoplight/prism-core') as { createLogger(name: string, options: object, destination: Writable): unknown };
const { configureExtensionsUserProvided } = fromCli('./dist/extensions.js') as { configureExtensionsUserProvided(document: string, options: object): Promise<void> };

/** The options `prism mock --errors -h 127.0.0.1` runs with (its defaults: static examples, CORS on, level info). */
const MOCK_CONFIG = {
  validateRequest: true,
  validateResponse: true,
  checkSecurity: true,
  errors: true,
  upstreamProxy: undefined,
  mock: { dynamic: false, ignoreExamples: false, seed: null },
  isProxy: false,
} as const;

export async function startPrism(spec: string): Promise<Prism> {
  const log: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('CLI', { level: 'info' }, sink) as { child(bindings: object): unknown };
  const operations = await getHttpOperationsFromSpec(spec);
  await configureExtensionsUserProvided(spec, { fillProperties: undefined });
  const server = createServer(operations, { cors: true, config: MOCK_CONFIG, components: { logger: logger.child({ name: 'HTTP SERVER' }) } });
  // Port 0: the system picks a free one, and the address says which.
  const address = await server.listen(0, '127.0.0.1');
  return { url: address.replace(/\/$/, ''), log, close: () => server.close() };
}
