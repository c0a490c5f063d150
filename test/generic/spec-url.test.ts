import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adHocProvider } from '../../generator/config/ad-hoc-provider.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const YAML = `openapi: 3.0.3
info: { title: Pets over HTTP, version: '1.0' }
servers: [{ url: 'https://pets.example.test/v1' }]
paths:
  /pets:
    get: { operationId: listPets, responses: { '200': { description: ok } } }
`;
const BASIC = `Basic ${Buffer.from('reader:s3cret pw').toString('base64')}`;

/** `generate --spec <url>`: the document is downloaded; credentials in the URL go as Basic auth and into no message. */
describe('a document given by URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.headers.authorization !== BASIC) return void response.writeHead(401).end();
      if (request.url !== '/api/openapi.yaml') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(YAML);
    });
  });
  afterAll(() => server.close());
  const withCredentials = (pathname: string): string => server.url.replace('http://', 'http://reader:s3cret%20pw@') + pathname;

  it('is downloaded with the URL credentials sent as Basic auth, and read by its extension', async () => {
    const source = await adHocProvider(withCredentials('/api/openapi.yaml'), {});
    expect(source.config).toMatchObject({ id: 'pets-over-http', displayName: 'Pets over HTTP', baseUrl: 'https://pets.example.test/v1' });
    expect(await readFile(source.specFile, 'utf8')).toBe(YAML);
    expect(source.specFile).toMatch(/spec\.yaml$/);
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('clientgen');
  });

  it('fails with a GeneratorError that names the URL without its credentials', async () => {
    const error = await adHocProvider(withCredentials('/missing.json?token=abc123'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const { place, problem } = error as GeneratorError;
    expect(problem).toContain('HTTP 404');
    expect(place.file).toBe(`${server.url}/missing.json?token=***`);
    expect(`${place.file} ${problem}`).not.toMatch(/s3cret|reader|abc123/);
  });

  it('names no credentials when the host cannot be reached either', async () => {
    const error = await adHocProvider('http://reader:s3cret@127.0.0.1:9/openapi.json', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).problem).toContain('cannot fetch');
    expect(JSON.stringify(error) + String(error)).not.toMatch(/s3cret|reader/);
  });
});
