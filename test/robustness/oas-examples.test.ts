import { access, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { adHocProvider } from '../../generator/config/ad-hoc-provider.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadDocument } from '../../generator/load/load-document.ts';
import { generateProvider } from '../helpers/render.ts';
import { typecheckPackages } from '../helpers/batch-typecheck.ts';
import { writeLinkedPackage } from '../helpers/shared-copies.ts';
import { ROOT } from '../helpers/workspace.ts';

/**
 * Every Swagger 2.0 and OpenAPI 3.0/3.1 document of @readme/oas-examples (JSON and YAML) must give a
 * package that type-checks under strict, or, when the document is invalid on purpose, a
 * GeneratorError naming the file and the place. Nothing else may happen: no other exception.
 *
 * Most YAML documents there are their JSON twin written in YAML (`3.0/yaml/x.yaml`, `3.0/json/x.json`).
 * Everything after loading reads only the loaded document (its text only gives package.json's
 * specHash), so a YAML document that loads to exactly what its twin loads to is checked at that point
 * and is not rendered a second time; every other YAML document is rendered and type-checked.
 */
const EXAMPLES = path.join(ROOT, 'node_modules/@readme/oas-examples');

/** Documents that are invalid on purpose, with why, and the diagnostic they must get. */
const EXPECTED_FAILURES: Record<string, { why: string; diagnostic: RegExp }> = {
  // 3.0/json/openapi-workshop/post.json (POST /hoot with an empty `responses` object, which OpenAPI 3.0
  // forbids) was here until the response-descriptions pass repaired it, as the peers read it: now it generates.
};

async function documents(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(full)).isDirectory()) out.push(...(await documents(full, rel)));
    else if (/\.(json|ya?ml)$/.test(name)) out.push(rel);
  }
  return out;
}

interface Outcome {
  readonly doc: string;
  readonly dir?: string;
  readonly error?: unknown;
  /** A YAML document that loads to exactly what this JSON document loads to. */
  readonly twin?: string;
}

/** The JSON twin of `2.0/yaml/a/b.yaml` is `2.0/json/a/b.json`, when there is one. */
async function jsonTwin(doc: string): Promise<string | undefined> {
  const match = /^(\d\.\d)\/yaml\/(.+)\.ya?ml$/.exec(doc);
  if (!match) return undefined;
  const twin = `${match[1]}/json/${match[2]}.json`;
  return access(path.join(EXAMPLES, twin)).then(() => twin, () => undefined);
}

async function loadsAlike(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([loadDocument(path.join(EXAMPLES, a)), loadDocument(path.join(EXAMPLES, b))]);
  return isDeepStrictEqual([x.kind, x.document, x.repairs], [y.kind, y.document, y.repairs]);
}

describe('@readme/oas-examples', () => {
  const outcomes: Outcome[] = [];
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'clientgen-oas-'));
    const docs = [...(await documents(path.join(EXAMPLES, '2.0'), '2.0')), ...(await documents(path.join(EXAMPLES, '3.0'), '3.0')), ...(await documents(path.join(EXAMPLES, '3.1'), '3.1'))];
    // The first package written whole; the others link their runtime and test kit to its copies.
    let reference: string | undefined;
    for (const doc of docs) {
      const id = doc.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      const dir = path.join(root, id);
      const twin = await jsonTwin(doc);
      if (twin && (await loadsAlike(doc, twin))) {
        outcomes.push({ doc, twin });
        continue;
      }
      try {
        const source = await adHocProvider(path.join(EXAMPLES, doc), { name: id });
        const result = await generateProvider(source, dir, path.dirname(source.specFile));
        await writeLinkedPackage(dir, result.files, reference);
        reference ??= dir;
        outcomes.push({ doc, dir });
      } catch (error) {
        outcomes.push({ doc, error });
      }
    }
  }, 900_000);

  it('covers every Swagger 2.0, OpenAPI 3.0 and 3.1 document of the package', () => {
    const versions = new Set(outcomes.map((o) => o.doc.slice(0, 3)));
    expect([...versions].sort()).toEqual(['2.0', '3.0', '3.1']);
    expect(outcomes.length).toBeGreaterThan(100);
  });

  it('a YAML document loads to its JSON twin’s document, or is rendered itself', () => {
    const twins = outcomes.filter((o) => o.twin !== undefined);
    const rendered = new Set(outcomes.filter((o) => o.dir !== undefined).map((o) => o.doc));
    for (const outcome of twins) expect(rendered.has(outcome.twin as string), outcome.doc).toBe(true);
    // The package has YAML twins, most of them exact; some are not, and those are rendered.
    expect(twins.length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => /\/yaml\//.test(o.doc) && o.dir !== undefined).length).toBeGreaterThan(0);
  });

  it('generates a package for every document except the ones invalid on purpose', () => {
    const failed = outcomes.filter((o) => o.error !== undefined).map((o) => o.doc);
    expect(failed.sort()).toEqual(Object.keys(EXPECTED_FAILURES).sort());
  });

  it('rejects the invalid ones with a GeneratorError naming the file and the place', () => {
    for (const outcome of outcomes.filter((o) => o.error !== undefined)) {
      const expected = EXPECTED_FAILURES[outcome.doc];
      expect(outcome.error, outcome.doc).toBeInstanceOf(GeneratorError);
      expect((outcome.error as Error).message, outcome.doc).toMatch(expected?.diagnostic ?? /^$/);
    }
  });

  it('every generated package type-checks under strict (one tsc program for all of them)', async () => {
    const dirs = outcomes.flatMap((o) => (o.dir ? [o.dir] : []));
    const { output, byPackage } = await typecheckPackages(root, dirs, { shareCopies: true });
    expect([...byPackage.keys()], output.slice(0, 4000)).toEqual([]);
  }, 900_000);
});
