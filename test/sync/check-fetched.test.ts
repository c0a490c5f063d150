/** What sync accepts as a provider's new spec file (generator/sync/check-fetched.ts), read as generate will read it. */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { checkDocument } from '../../generator/sync/check-fetched.ts';

const swagger = JSON.stringify({ swagger: '2.0', info: { title: 'Acme', version: '1' }, paths: { '/details': { get: { responses: { 200: { description: 'OK' } } } } } });
const answer = (body: Buffer, contentType = 'application/json') => ({ url: 'https://user:secret@billing.acme.test/?cmd=userapi&action=swagger', contentType, body });
const refusal = (run: () => unknown): GeneratorError => {
  try {
    run();
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('checkDocument', () => {
  it('reads a UTF-16 document with a byte order mark, as generate reads the saved file', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(swagger, 'utf16le')]);
    expect(checkDocument(answer(le), undefined)).toMatchObject({ operations: 1, kind: 'swagger2', defaultName: 'swagger.json' });
  });

  it('refuses invalid UTF-8 before it is saved, naming the URL without its credentials', () => {
    const broken = Buffer.concat([Buffer.from(swagger.slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(swagger.slice(20))]);
    const error = refusal(() => checkDocument(answer(broken), 'swagger.json'));
    expect(error.message).toMatch(/invalid UTF-8/);
    expect(error.message).toContain('billing.acme.test');
    expect(error.message).not.toContain('secret');
  });

  it('still names an HTML answer as an HTML page, whatever its bytes', () => {
    const page = Buffer.concat([Buffer.from('<!doctype html><p>Log in '), Buffer.from([0xff]), Buffer.from('</p>')]);
    expect(refusal(() => checkDocument(answer(page, 'text/html'), 'swagger.json')).message).toMatch(/got an HTML page/);
  });
});
