import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { adHocProvider } from '../../generator/config/ad-hoc-provider.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { generateProvider } from '../helpers/render.ts';
import { typecheckPackages } from '../helpers/batch-typecheck.ts';
import { writeLinkedPackage } from '../helpers/shared-copies.ts';
import { identifiersIn } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';
import { anyDocument, MARKER, TOO_LARGE } from './fuzz-documents.ts';

/**
 * The fuzz suite, run in parts (fuzz.test.ts, fuzz-part2.test.ts) so the two test workers share it.
 *
 * Property-based robustness: random and hostile Swagger 2.0, OpenAPI 3.0 and 3.1 documents (odd and
 * colliding names, reserved words, unicode, deep and circular $refs, huge enums, injection attempts
 * in every text field). For each one the generator either produces a package that compiles under
 * strict and contains no code taken from the document, or fails with a GeneratorError and writes
 * nothing. Never another exception, never a hang.
 *
 * FUZZ_RUNS sets the number of documents of all parts together (default 240).
 * The seeds: by default each part's comes from the hash of the generator's sources, so a commit
 * always meets the same documents (a CI run of it replays the run its author saw) and every change
 * to the generator meets new ones. FUZZ_SEED=<n> replays a run (every part then uses that seed, so
 * the part that failed replays its documents, as fast-check's message says); FUZZ_SEED=random
 * lets fast-check choose.
 *   FUZZ_RUNS=5000 FUZZ_SEED=random npx vitest run test/robustness/fuzz
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 240);
// @ts-expect-error plain JavaScript modules without declarations
const { sourceStamp } = (await import('../../generator/build/source-stamp.mjs')) as { sourceStamp(root: string): Promise<string> };
const STAMP = await sourceStamp(ROOT);

function seedOf(part: number): number | undefined {
  const given = process.env.FUZZ_SEED;
  if (given === 'random') return undefined;
  if (given !== undefined) return Number(given);
  return parseInt(createHash('sha256').update(`${STAMP}\0${part}`).digest('hex').slice(0, 8), 16) | 0;
}
/** Packages are type-checked in batches of this many (one tsc program each). */
const BATCH = 150;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The package's own TypeScript sources: its runtime and test kit are links to the first package's verbatim copies (writeLinkedPackage). */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, 'src'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.relative(path.join(dir, 'src'), path.join(e.parentPath, e.name)));
}

/** Whether the marker can be an identifier of `text`: spelled out, or with `\u` escapes (`\u005f_INJECTED__`); only then is the text parsed. */
function mayNameMarker(text: string): boolean {
  return text.includes(MARKER) || text.includes('\\u');
}

/** Part `part` of `parts`: its share of the RUNS documents (the parts' shares add up to RUNS). */
export function fuzzSuite(part: number, parts: number): void {
  const runs = Math.floor(RUNS / parts) + (part <= RUNS % parts ? 1 : 0);
  const seed = seedOf(part);
  describe(`fuzzed documents, part ${part} of ${parts} (${runs} runs, seed ${seed ?? 'random'})`, () => suite(runs, seed));
}

function suite(runs: number, seed: number | undefined): void {
  let root: string;
  const generated: string[] = [];
  let diagnosed = 0;
  const problems = new Map<string, number>();

  afterAll(() => {
    const kinds = [...problems].sort((a, b) => b[1] - a[1]).map(([problem, count]) => `  ${count} × ${problem}`);
    process.stdout.write(`fuzz: ${generated.length} packages generated, ${diagnosed} documents diagnosed\n${kinds.join('\n')}\n`);
  });

  it('each document gives a package free of injected code, or a GeneratorError and no output', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'clientgen-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyDocument, async (document) => {
        const id = `case-${n++}`;
        const specDir = path.join(root, 'specs', id);
        await mkdir(specDir, { recursive: true });
        const specFile = path.join(specDir, 'openapi.json');
        await writeFile(specFile, JSON.stringify(document, null, 2).replace(`"${TOO_LARGE}"`, '1e400'));
        const out = path.join(root, 'out', id);
        let files;
        try {
          const source = await adHocProvider(specFile, { name: id });
          files = (await withTimeout(generateProvider(source, out, specDir), 120_000, id)).files;
        } catch (error) {
          if (!(error instanceof GeneratorError)) throw error;
          // A diagnostic names the file; nothing was written.
          expect(error.place.file).toContain(specFile);
          // A place in the document, never a library's internals (these leaked before).
          expect(error.problem).not.toMatch(/is not a function|Cannot read properties|URI malformed|call stack|is not defined/);
          expect(await access(out).then(() => true, () => false)).toBe(false);
          diagnosed++;
          const kind = error.problem.replace(/"(?:[^"\\]|\\.)*"|'[^']*'|#\/\S*|\b\d+\b/g, '…').slice(0, 90);
          problems.set(kind, (problems.get(kind) ?? 0) + 1);
          return;
        }
        await writeLinkedPackage(out, files, generated[0]);
        for (const file of await sources(out)) {
          const text = await readFile(path.join(out, 'src', file), 'utf8');
          if (mayNameMarker(text)) expect(identifiersIn(text).has(MARKER), `${id}/src/${file}`).toBe(false);
        }
        generated.push(out);
      }),
      { numRuns: runs, seed, endOnFailure: true, interruptAfterTimeLimit: 3_000_000 },
    );
    expect(generated.length).toBeGreaterThan(runs / 4);
  }, 3_600_000);

  it('every generated package type-checks under strict', async () => {
    const failures: string[] = [];
    for (let i = 0; i < generated.length; i += BATCH) {
      const { byPackage } = await typecheckPackages(path.join(root, 'out'), generated.slice(i, i + BATCH), { shareCopies: true });
      for (const [pkg, lines] of byPackage) failures.push(`${pkg} (spec: ${path.join(root, 'specs', pkg, 'openapi.json')}):\n  ${lines.slice(0, 5).join('\n  ')}`);
    }
    expect(failures.slice(0, 10).join('\n')).toBe('');
  }, 3_600_000);
}
