// Compiles the CLIs and the scheduler's worker to plain JavaScript (esbuild; dependencies stay in
// node_modules), so a command starts without the tsx loader compiling TypeScript at every start.
// `npm install` / `npm ci` run it (the `prepare` script); launch.mjs runs it again whenever the
// sources changed since. Tests and `tsx` keep running the TypeScript sources directly.
//
// Plain JavaScript, so it runs before anything is compiled.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileFingerprints, sameFingerprints } from './file-fingerprints.mjs';
import { sourceFiles, sourceStamp } from './source-stamp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the compiled files go (gitignored). Two levels below the root, like generator/<folder>/. */
export const OUT_DIR = path.join(ROOT, 'dist/clientgen');
export const STAMP_FILE = path.join(OUT_DIR, 'sources.json');
export const COMMANDS = ['generate', 'check', 'import-docs', 'sync', 'add-provider', 'diff', 'release'];

/**
 * Every generator module keeps the `import.meta.url` it has under tsx (its source file's URL,
 * rebuilt relative to the compiled file at run time), so the paths it derives from it (the
 * workspace root, templates/, the generator root the cache hashes, `createRequire`) are the same
 * compiled or not. Only the worker's own URL differs: the scheduler takes the compiled worker
 * from CLIENTGEN_COMPILED_WORKER, which the banner below declares in every compiled file.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]generator[\\/].*\.(ts|mjs)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromOut = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

/**
 * Builds into a folder of its own and swaps it in, so a command starting meanwhile (another
 * terminal, a parallel CI step) sees the old build or the new one, never half of one.
 */
/**
 * CommonJS packages are loaded with `require`: an ESM `import` of CommonJS makes Node scan the
 * package's source for its export names first (ts-morph's is over 1 MB), on every thread.
 */
const COMMONJS_PACKAGES = ['ts-morph', 'handlebars', 'yaml', 'json5', 'semver'];
const requireCommonJs = {
  name: 'require-commonjs-packages',
  setup(build) {
    const filter = new RegExp(`^(${COMMONJS_PACKAGES.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'commonjs-package' }));
    build.onLoad({ filter: /.*/, namespace: 'commonjs-package' }, (args) => ({
      contents: `module.exports = CLIENTGEN_REQUIRE(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** The sources' fingerprints, taken before their contents are read, so an edit made meanwhile shows next time. */
async function currentSources() {
  const names = await sourceFiles(ROOT);
  return { names, files: await fileFingerprints(ROOT, names) };
}

/**
 * True when dist/clientgen/ was compiled from the sources as they are now: their fingerprints are
 * the recorded ones, or else their contents hash to the recorded stamp.
 */
export async function bundleIsCurrent() {
  const built = await readFile(STAMP_FILE, 'utf8').then((text) => JSON.parse(text), () => undefined);
  if (typeof built?.stamp !== 'string') return false;
  const { names, files } = await currentSources();
  if (sameFingerprints(built.files, files)) return true;
  if (built.stamp !== (await sourceStamp(ROOT, names))) return false;
  // Same contents, new times (a checkout, a copy): record them, so the next start reads nothing.
  const next = `${STAMP_FILE}.${process.pid}`;
  await writeFile(next, `${JSON.stringify({ stamp: built.stamp, files })}\n`)
    .then(() => rename(next, STAMP_FILE))
    .catch(() => rm(next, { force: true }));
  return true;
}

export async function bundle() {
  const esbuild = await import('esbuild');
  const { names, files } = await currentSources();
  const stamp = await sourceStamp(ROOT, names);
  const staging = `${OUT_DIR}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [
      ...COMMANDS.map((name) => ({ in: `generator/cli/${name}.ts`, out: name })),
      { in: 'generator/scheduler/worker.mjs', out: 'worker' },
    ],
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Separate chunks keep what the code imports lazily (the engine and everything heavy) out of
    // a command's start: a no-op `generate` loads none of it.
    splitting: true,
    // Chunks sit beside the entries, so one relative path from OUT_DIR serves every compiled file.
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    banner: {
      js: [
        "import { createRequire as CLIENTGEN_CREATE_REQUIRE } from 'node:module';",
        'const CLIENTGEN_REQUIRE = CLIENTGEN_CREATE_REQUIRE(import.meta.url);',
        "const CLIENTGEN_COMPILED_WORKER = new URL('./worker.mjs', import.meta.url).href;",
      ].join('\n'),
    },
    inject: ['generator/build/one-typescript.mjs'],
    plugins: [sourceUrls, requireCommonJs],
    logLevel: 'warning',
  });
  await writeFile(path.join(staging, path.basename(STAMP_FILE)), `${JSON.stringify({ stamp, files })}\n`);
  const old = `${OUT_DIR}.old-${process.pid}`;
  await rename(OUT_DIR, old).catch(() => undefined);
  await rename(staging, OUT_DIR);
  await rm(old, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await bundle();
}
