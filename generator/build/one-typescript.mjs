// The compiled CLI loads one TypeScript compiler per thread instead of two. ts-morph ships its own
// copy (inside @ts-morph/common) and openapi-typescript requires the `typescript` package; each
// copy is a 9 MB script to compile and about 50 MB of memory on every thread. bundle.mjs injects
// this module into every compiled entry, so `require('typescript')` returns ts-morph's copy (the
// same TypeScript 5.9 minor version; test/build/compiled-cli.test.ts checks that the compiled
// output is still byte for byte the committed one). The TypeScript sources (tsx, vitest) load both.
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function shareTypeScript() {
  const file = require.resolve('typescript');
  if (require.cache[file]) return;
  const entry = new Module(file);
  entry.filename = file;
  entry.loaded = true;
  // Resolved on first use, so a command that renders nothing loads neither.
  Object.defineProperty(entry, 'exports', { get: () => require('ts-morph').ts, enumerable: true });
  require.cache[file] = entry;
}

shareTypeScript();
